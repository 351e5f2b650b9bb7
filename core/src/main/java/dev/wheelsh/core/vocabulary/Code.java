package dev.wheelsh.core.vocabulary;

import java.util.Locale;
import java.util.Optional;

/**
 * Every finding code wheelsh reports: its default severity, a title in words, and where
 * docs/codes.md explains it. This is the one registry of codes; a check names its code from here,
 * and {@code CodeRegistryTest} keeps docs/codes.md and this list equal (code, severity, anchor).
 * A check may report a code at another severity than its default where the docs say so (WH121
 * is a warning for the legacy dotted marker names, WH303 a warning for an abi3 module).
 */
public enum Code {
    WH099(Severity.ERROR, "The file could not be checked (larger than 8,000,000 characters, or an internal failure); nothing else is"),
    WH100(Severity.ERROR, "TOML 1.0 syntax error"),
    WH110(Severity.ERROR, "A cibuildwheel build/skip/test-skip/override select pattern that matches no build identifier"),
    WH111(Severity.ERROR, "An option cibuildwheel does not read in that table (build, skip, test-skip, enable or archs in an override; an option a platform table may not hold)"),
    WH112(Severity.ERROR, "An archs value cibuildwheel does not build for on that platform"),
    WH113(Severity.ERROR, "A manylinux-*-image / musllinux-*-image key for an architecture cibuildwheel has no image for"),
    WH114(Severity.ERROR, "An image value that is neither a known short name"),
    WH115(Severity.ERROR, "An unknown enable group"),
    WH116(Severity.ERROR, "An unknown [tool.cibuildwheel] option (did-you-mean fix)"),
    WH117(Severity.ERROR, "A value of the wrong type (a number where a string or a list of strings is needed)"),
    WH120(Severity.ERROR, "[tool.uv] environments / required-environments: PEP 508 marker syntax error"),
    WH121(Severity.ERROR, "An unknown marker variable (did-you-mean fix); warning with a fix for the legacy dotted names"),
    WH122(Severity.WARNING, "A platform_machine or sys_platform value Python never reports (loong64 → loongarch64, amd64 → x86_64)"),
    WH123(Severity.ERROR, "[tool.uv.pip] python-platform that is not one of uv's target triples (did-you-mean fix)"),
    WH124(Severity.WARNING, "A marker comparing two quoted strings or two variables"),
    WH125(Severity.WARNING, "A marker condition that never holds: its OS and its platform_machine exclude each other"),
    WH130(Severity.ERROR, "A [tool.wheelsh] targets entry that is not a compact target (docs/targets.md); the range is the bad part"),
    WH131(Severity.ERROR, "A [tool.wheelsh] baselines entry that is not a relative .json path"),
    WH132(Severity.WARNING, "An unknown [tool.wheelsh] key"),
    WH140(Severity.ERROR, "[project] requires-python that is not a PEP 440 specifier set"),
    WH141(Severity.WARNING, "requires-python excludes the Python version of a target"),
    WH190(Severity.ERROR, "Not a platform tag at all"),
    WH191(Severity.ERROR, "An architecture Python never spells so on that OS, in a platform tag or a target"),
    WH192(Severity.HINT, "A legacy manylinux alias"),
    WH193(Severity.WARNING, "A manylinux tag no real system has"),
    WH200(Severity.ERROR, "A line configparser cannot read (no =/:, an option before any section, a broken header)"),
    WH201(Severity.WARNING, "A section pip never reads ([Global], [instal]; names are case-sensitive); did-you-mean fix"),
    WH202(Severity.WARNING, "An option that is not one of pip's (pip ignores it silently); fix"),
    WH204(Severity.ERROR, "python-version that is not 3, 3.13, 313 or 3.13.1."),
    WH205(Severity.ERROR, "implementation that is not a short name of interpreter tags: py, cp, pp, graalpy, ip, jy (fix cpython → cp)"),
    WH206(Severity.WARNING, "abi that does not look like an ABI tag"),
    WH207(Severity.ERROR, "only-binary/no-binary entries that are not :all:, :none"),
    WH208(Severity.ERROR, "An index URL that does not parse or uses another scheme than https/http/file; warning for plain http://."),
    WH209(Severity.WARNING, "platform, python-version, implementation or abi without only-binary = :all"),
    WH210(Severity.WARNING, "The same in [install] without target (or dry-run)"),
    WH211(Severity.WARNING, "Text after #/; on a value line"),
    WH212(Severity.ERROR, "A duplicate section or option"),
    WH213(Severity.ERROR, "Commas in platform or abi values"),
    WH214(Severity.WARNING, "A trusted-host value that is a URL or has a path: pip compares it with hosts and trusts nothing"),
    WH215(Severity.WARNING, "An option in a command's section that the command does not take: pip ignores it there"),
    WH301(Severity.WARNING, "The WHEEL file's Tag lines and the filename's tags differ"),
    WH302(Severity.WARNING, "Root-Is-Purelib: true in a wheel that holds native code"),
    WH303(Severity.ERROR, "An extension module whose filename suffix the tagged interpreter does not import: .cpython-311-...so in a"),
    WH304(Severity.ERROR, "A native member of another architecture than the platform tags name"),
    WH305(Severity.ERROR, "A LoongArch member built for the old world (ABI1.0), against a pre-upstream glibc (GLIBC_2.35), or with"),
    WH306(Severity.ERROR, "A member whose hash or size differs from RECORD, or RECORD and the members disagree"),
    WH307(Severity.ERROR, "An extension module whose filename suffix the target's interpreter does not import: .cpython-310-...so on"),
    WH308(Severity.ERROR, "A loongarch64 member of the other ABI world than the target's"),
    WH309(Severity.ERROR, "A member needs a newer glibc than the lowest glibc the wheel's manylinux tags promise"),
    WH310(Severity.ERROR, "With a glibc target (explain FILE --target ...)"),
    WH311(Severity.ERROR, "The code needs more than the baseline its tag names, for a reason other than the glibc floor"),
    WH312(Severity.ERROR, "A member linked against musl in a wheel tagged manylinux, or against glibc in a wheel tagged musllinux"),
    WH313(Severity.ERROR, "With a target (explain FILE --target ...)"),
    WH314(Severity.ERROR, "Android code against its android tag: built for a higher API level, another ABI, or linking a library Android apps may not; or Linux and Android code in each other's wheels"),
    WH315(Severity.ERROR, "With a target: Android code on a Linux target, Linux code on an Android target, or Android code for a higher API level or another ABI than the target's"),
    WH318(Severity.WARNING, "With a Linux target: a library the code takes from the system that the target's baseline does not promise"),
    WH320(Severity.ERROR, "A Mach-O member built for a newer macOS (LC_BUILD_VERSION minos) than the wheel's macosx tag promises"),
    WH321(Severity.ERROR, "A Mach-O member without a slice an architecture of the macosx tags needs (universal2: x86_64 and arm64)"),
    WH322(Severity.ERROR, "A Mach-O member loads a library from outside the wheel and outside macOS (/usr/lib, /System)"),
    WH323(Severity.ERROR, "An iOS member of the other SDK (device or simulator), another CPU or a newer iOS than its ios tag"),
    WH324(Severity.ERROR, "A PE member of another machine than the win32/win_amd64/win_arm64 tag names"),
    WH325(Severity.ERROR, "A PE member imports a versioned Python DLL the wheel's ABI tag rules out (python311.dll in abi3 or cp312)"),
    WH326(Severity.ERROR, "A PE member imports a DLL that neither the wheel, Windows nor CPython provides (msvcp140.dll)"),
    WH327(Severity.ERROR, "A native member of another object format than the tags' OS loads (a Mach-O file in a manylinux wheel)"),
    WH328(Severity.ERROR, "With a macOS, iOS or Windows target: a Mach-O or PE member that does not load on it"),
    WH600(Severity.ERROR, "JSON syntax error (Jackson's message at its position); nothing after it is checked"),
    WH601(Severity.ERROR, "Not a list of policy objects (or {\"policies\": [...]})"),
    WH602(Severity.WARNING, "A member that is not a policy field (did-you-mean fix)"),
    WH603(Severity.ERROR, "A missing or malformed name (manylinux_X_Y, musllinux_X_Y, linux, or [a-z][a-z0-9_]*)"),
    WH604(Severity.ERROR, "A missing or non-integer priority"),
    WH605(Severity.ERROR, "Two policies with the same priority"),
    WH606(Severity.ERROR, "A name or alias used twice"),
    WH607(Severity.ERROR, "An architecture name auditwheel does not use"),
    WH608(Severity.ERROR, "A symbol-version prefix that is not upper case, a version that is not N(.N)* or PREFIX_N(.N)*/a name"),
    WH609(Severity.ERROR, "A lib_whitelist entry that is not a soname (paths, no .so, non-strings)"),
    WH610(Severity.WARNING, "Symbol versions out of ascending order, or listed twice"),
    WH611(Severity.ERROR, "Priorities against the C-library order"),
    WH612(Severity.ERROR, "A policy allows less than the next more preferable (higher-priority) one of its family"),
    WH613(Severity.WARNING, "A policy with a built-in baseline's name allows, on an architecture, versions the built-in one does not"),
    WH614(Severity.WARNING, "A policy with a built-in baseline's name lacks, on an architecture, versions the built-in one allows");

    private final Severity severity;
    private final String title;

    Code(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    /** The code as printed and published: {@code WH191}. */
    public String id() {
        return name();
    }

    /** The severity the docs give this code. */
    public Severity severity() {
        return severity;
    }

    /** What the code means, in one line. */
    public String title() {
        return title;
    }

    /** The code's entry in docs/codes.md, as a relative link: {@code docs/codes.md#wh191}. */
    public String docsAnchor() {
        return "docs/codes.md#" + name().toLowerCase(Locale.ROOT);
    }

    /** The code of an id such as {@code WH191} (any case), if it is one. */
    public static Optional<Code> of(String id) {
        for (Code c : values()) {
            if (c.name().equalsIgnoreCase(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
