package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** e_flags decoding per machine, with flag values taken from real objects of each ABI. */
class MachineAbiTest {

    static MachineAbi abi(int machine, boolean is64, int flags) {
        return MachineAbi.decode(new ElfHeader(is64, false, 0, 0, 3, machine, 1, 0, 0, 0, flags, 64, 56, 0, 64, 0, 0));
    }

    @Test
    void armEabiVersionAndFloatAbi() {
        assertEquals(new MachineAbi.Arm(5, MachineAbi.FloatAbi.HARD), abi(ElfMachine.EM_ARM, false, 0x05000400));
        assertEquals(new MachineAbi.Arm(5, MachineAbi.FloatAbi.SOFT), abi(ElfMachine.EM_ARM, false, 0x05000200));
        assertEquals(new MachineAbi.Arm(0, MachineAbi.FloatAbi.UNSPECIFIED), abi(ElfMachine.EM_ARM, false, 0));
    }

    @Test
    void riscvFloatAbiCompressedAndEmbedded() {
        assertEquals(new MachineAbi.RiscV(MachineAbi.FloatAbi.DOUBLE, true, false, false),
                abi(ElfMachine.EM_RISCV, true, 0x5));
        assertEquals(new MachineAbi.RiscV(MachineAbi.FloatAbi.SOFT, false, true, false),
                abi(ElfMachine.EM_RISCV, false, 0x8));
        assertEquals(new MachineAbi.RiscV(MachineAbi.FloatAbi.SINGLE, true, false, true),
                abi(ElfMachine.EM_RISCV, true, 0x13));
    }

    @Test
    void mipsAbiFromFlagsAndClass() {
        // Debian mips64el libc: 0x80000407 = mips64r2, NaN2008 unset... n64 by class.
        MachineAbi.Mips n64 = (MachineAbi.Mips) abi(ElfMachine.EM_MIPS, true, 0x80000007);
        assertEquals("n64", n64.abi());
        assertEquals("mips64r2", n64.isa());
        MachineAbi.Mips o32 = (MachineAbi.Mips) abi(ElfMachine.EM_MIPS, false, 0x70001007);
        assertEquals("o32", o32.abi());
        assertEquals("mips32r2", o32.isa());
        assertEquals("n32", ((MachineAbi.Mips) abi(ElfMachine.EM_MIPS, false, 0x80000027)).abi());
        assertEquals(true, ((MachineAbi.Mips) abi(ElfMachine.EM_MIPS, false, 0x70001407)).nan2008());
    }

    @Test
    void ppc64ElfVersion() {
        assertEquals(new MachineAbi.Ppc64(1), abi(ElfMachine.EM_PPC64, true, 1));
        assertEquals(new MachineAbi.Ppc64(2), abi(ElfMachine.EM_PPC64, true, 2));
        assertEquals(new MachineAbi.Ppc64(0), abi(ElfMachine.EM_PPC64, true, 0));
    }

    @Test
    void loongArchBaseAbiAndObjectAbiVersion() {
        assertEquals(new MachineAbi.LoongArch("LP64D", MachineAbi.FloatAbi.DOUBLE, 1),
                abi(ElfMachine.EM_LOONGARCH, true, 0x43));
        assertEquals(new MachineAbi.LoongArch("LP64D", MachineAbi.FloatAbi.DOUBLE, 0),
                abi(ElfMachine.EM_LOONGARCH, true, 0x03));
        assertEquals(new MachineAbi.LoongArch("LP64S", MachineAbi.FloatAbi.SOFT, 1),
                abi(ElfMachine.EM_LOONGARCH, true, 0x41));
        assertEquals(new MachineAbi.LoongArch("LP64F", MachineAbi.FloatAbi.SINGLE, 0),
                abi(ElfMachine.EM_LOONGARCH, true, 0x02));
        assertEquals(new MachineAbi.LoongArch("ILP32D", MachineAbi.FloatAbi.DOUBLE, 1),
                abi(ElfMachine.EM_LOONGARCH, false, 0x43));
    }

    @Test
    void machinesWithoutAbiFlagsArePlain() {
        assertEquals(new MachineAbi.Plain(0), abi(ElfMachine.EM_X86_64, true, 0));
        assertEquals(new MachineAbi.Plain(0), abi(ElfMachine.EM_AARCH64, true, 0));
    }
}
