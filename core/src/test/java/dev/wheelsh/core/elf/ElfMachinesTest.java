package dev.wheelsh.core.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the machine names of machines.tsv for the machines wheels are built for. */
class ElfMachinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3|Intel 80386|i386",
        "8|MIPS R3000|mips",
        "20|PowerPC|ppc",
        "21|PowerPC64|ppc64",
        "22|IBM S/390|s390",
        "40|ARM|arm",
        "62|Advanced Micro Devices X86-64|x86_64",
        "183|AArch64|aarch64",
        "243|RISC-V|riscv",
        "258|LoongArch|loongarch",
        "2|Sparc|sparc",
        "43|Sparc v9|sparcv9",
        "50|Intel IA-64|ia64",
    })
    void namesEachMachine(int number, String description, String shortName) {
        assertTrue(ElfMachine.known(number));
        assertEquals(description, ElfMachine.description(number));
        assertEquals(shortName, ElfMachine.shortName(number));
    }

    @ParameterizedTest
    @CsvSource({"9999", "1"})
    void unknownMachinesSaySo(int number) {
        assertEquals("unknown machine " + number, ElfMachine.description(number));
    }
}
