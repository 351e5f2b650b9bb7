#!/usr/bin/env python3
"""Write the symbols each musl release added, per architecture, and the names musl's loader answers itself.

    python3 scripts/facts/generate_musl_symbols.py --libc .corpus/musl/libc --musl GIT_DIR@REV \
        [--out core/src/main/resources/dev/wheelsh/core/elf]

--libc is the tree scripts/fetch.d/60-musl.sh fills: RELEASE/ARCH/libc.so (ARCH in Python's
spelling: x86_64, aarch64, i686, armv7l) and RELEASE/SOURCE, one line per library saying where it
came from (a Debian package, or a build from musl's git at the release tag). GIT_DIR is a clone
(bare or not) of musl's git (git://git.musl-libc.org/musl or a mirror); REV a commit or tag. From
it come the list of releases (the v* tags), the release notes (WHATSNEW) and the loader's
reserved names (ldso/dynlink.c), read with `git show REV:path`.

A library's exports are read with readelf (binutils): the dynamic symbols that are defined, of
default visibility, global or weak. For each architecture, a symbol's release is the first
release whose libc.so exports it. It is exact when the release before it (in musl's own release
order) is covered for that architecture too. When the previous covered release is older than
that, the release notes decide if they name the symbol in a release between the two; otherwise
the row says "<=R" (added in R or in an uncovered release before it). The oldest covered release
of an architecture can only say "<=R"; aarch64 and armv7l, which Debian's packages cover from
1.2.2, take the release (or the bound) of x86_64 and i686 (built from source from 1.1.24 on) for a
symbol those export too, since musl adds a function to every architecture at once. 32-bit symbols without a
64-bit counterpart (the time64 ones) have no such witness and keep "<=R" unless the release notes
name them.

A symbol musl's own source does not name (a packager's patch) gets the release "none".
It writes musl-symbols.tsv (symbol, release, architectures) and musl-loader.tsv (the library
names musl's dynamic loader answers itself). Exit code 2 with one line on bad input.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

GENERATOR = "scripts/facts/generate_musl_symbols.py"
ARCHES = ("x86_64", "aarch64", "i686", "armv7l")
# An architecture whose oldest covered release is late takes an exact release from its sibling.
WITNESS = {"aarch64": "x86_64", "armv7l": "i686"}
RESERVED = re.compile(r'static const char reserved\[\]\s*=\s*"([a-z.]+)";')


class Bad(Exception):
    pass


def key(release: str) -> tuple[int, ...]:
    return tuple(int(p) for p in release.split("."))


def git(git_dir: str, *args: str) -> str:
    r = subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, text=True)
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or ["failed"])[-1]
        raise Bad(f"{git_dir}: git {' '.join(args)}: {last}")
    return r.stdout


def exports(lib: Path) -> set[str]:
    r = subprocess.run(["readelf", "--dyn-syms", "-W", str(lib)], capture_output=True, text=True)
    if r.returncode != 0:
        raise Bad(f"{lib}: readelf failed: {r.stderr.strip()}")
    out = set()
    for line in r.stdout.splitlines():
        f = line.split()
        # Num: Value Size Type Bind Vis Ndx Name
        if len(f) < 8 or not f[0].endswith(":") or f[6] == "UND" or f[3] in ("SECTION", "FILE"):
            continue
        if f[4] in ("GLOBAL", "WEAK") and f[5] == "DEFAULT":
            out.add(f[7].split("@")[0])
    if not out:
        raise Bad(f"{lib}: exports no symbols; not a musl libc.so")
    return out


def source_identifiers(git_dir: str, rev: str) -> set[str]:
    """Every identifier in musl's source at a revision (src, include, arch, ldso, compat, crt)."""
    paths = [p for p in ("src", "include", "arch", "ldso", "compat", "crt") if git(git_dir, "ls-tree", rev, p).strip()]
    out: set[str] = set()
    for line in git(git_dir, "grep", "-h", "-o", "-w", "-E", "[A-Za-z_][A-Za-z0-9_]*", rev, "--", *paths).splitlines():
        out.add(line.split(":", 1)[-1])
    return out


def release_notes(text: str) -> dict[str, set[str]]:
    """Per release, the identifiers its "new features:" list names ("- reallocarray function ...").

    Only that list: the other lists name functions that were fixed or changed, not added."""
    notes: dict[str, set[str]] = {}
    current = None
    in_features = False
    for line in text.splitlines():
        m = re.match(r"^(\d+\.\d+\.\d+) release notes", line)
        if m:
            current = m.group(1)
            notes[current] = set()
            in_features = False
        elif current and line.strip() == "new features:":
            in_features = True
        elif not line.strip() or not line.startswith(("-", " ", "\t")):
            in_features = False
        elif current and in_features:
            notes[current].update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", line))
    return notes


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--libc", required=True)
    ap.add_argument("--musl", required=True, help="GIT_DIR@REV")
    ap.add_argument("--out", default="core/src/main/resources/dev/wheelsh/core/elf")
    a = ap.parse_args(argv)
    try:
        git_dir, _, rev = a.musl.partition("@")
        rev = rev or "HEAD"
        commit = git(git_dir, "rev-parse", rev + "^{commit}").strip()
        tags = [t[1:] for t in git(git_dir, "tag", "--list", "v*").split() if re.fullmatch(r"v\d+\.\d+\.\d+", t)]
        order = sorted(tags, key=key)
        notes = release_notes(git(git_dir, "show", f"{commit}:WHATSNEW"))
        m = RESERVED.search(git(git_dir, "show", f"{commit}:ldso/dynlink.c"))
        if not m:
            raise Bad(f"{git_dir}@{commit}: ldso/dynlink.c has no reserved[] list")
        reserved = [s for s in m.group(1).split(".") if s]

        root = Path(a.libc)
        if not root.is_dir():
            raise Bad(f"{root}: not a directory (run scripts/fetch.d/60-musl.sh first)")
        libs: dict[str, dict[str, set[str]]] = defaultdict(dict)  # arch -> release -> exports
        sources: list[str] = []
        for rel_dir in sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: key(p.name)):
            release = rel_dir.name
            if not re.fullmatch(r"\d+\.\d+\.\d+", release):
                raise Bad(f"{rel_dir}: not a release number")
            # A release newer than the git's tags (a Debian package of a later release) joins the order.
            if release not in order:
                order = sorted(set(order) | {release}, key=key)
            for arch in ARCHES:
                lib = rel_dir / arch / "libc.so"
                if lib.is_file():
                    libs[arch][release] = exports(lib)
            src = rel_dir / "SOURCE"
            for line in (src.read_text().splitlines() if src.is_file() else []):
                sources.append(f"{release}: {line.strip()}")
        if not libs:
            raise Bad(f"{root}: no RELEASE/ARCH/libc.so found")

        since: dict[str, dict[str, str]] = defaultdict(dict)  # arch -> symbol -> release or <=release
        for arch in ARCHES:
            covered = sorted(libs.get(arch, {}), key=key)
            for i, release in enumerate(covered):
                before = libs[arch][covered[i - 1]] if i else set()
                for sym in libs[arch][release] - before:
                    if sym in since[arch]:
                        continue  # removed and added back: the first release stands
                    if not i:
                        since[arch][sym] = "<=" + release  # the oldest read: when it came is not known
                        continue
                    if order.index(release) == order.index(covered[i - 1]) + 1:
                        since[arch][sym] = release
                        continue
                    # Releases after the previous covered one, up to this one, oldest first.
                    lo = order.index(covered[i - 1]) + 1
                    named = [r for r in order[lo:order.index(release) + 1] if sym in notes.get(r, set())]
                    since[arch][sym] = named[0] if named else "<=" + release
        for arch, witness in WITNESS.items():
            for sym, rel in since[arch].items():
                w = since[witness].get(sym)
                if rel.startswith("<=") and w and key(w.lstrip("<=")) <= key(rel[2:]):
                    since[arch][sym] = w

        # A packager's addition (Debian's musl carries fts_* from a patch) is not musl's: a symbol
        # that musl's source names neither at the release's tag nor at REV is left out.
        idents = {"REV": source_identifiers(git_dir, commit)}
        foreign: set[str] = set()
        for arch in ARCHES:
            for sym, rel in since[arch].items():
                r = rel.lstrip("<=")
                if sym in idents["REV"]:
                    continue
                if r in tags and r not in idents:
                    idents[r] = source_identifiers(git_dir, "v" + r)
                if sym not in idents.get(r, set()):
                    foreign.add(sym)
        rows: dict[tuple[str, str], list[str]] = defaultdict(list)
        for arch in ARCHES:
            for sym, rel in since[arch].items():
                rows[(sym, "none" if sym in foreign else rel)].append(arch)
        out = Path(a.out)
        covered_text = "; ".join(f"{arch}: {', '.join(sorted(libs[arch], key=key))}" for arch in ARCHES if arch in libs)
        header = [
            "# The symbols of musl's C library and the release that added each, per architecture. musl has no",
            "# symbol versions: which symbols a release's libc.so exports is the only evidence of what code",
            "# built against it needs. Columns: symbol, release (\"1.2.0\": added in 1.2.0; \"<=1.2.2\": there in",
            "# 1.2.2, the release it came in not known), architectures (Python's spelling).",
            f"# Releases covered (libc.so read): {covered_text}.",
            "# Sources, one libc.so each:",
            *[f"#   {s}" for s in sources],
            f"# Release order and release notes (WHATSNEW): musl's git, commit {commit}.",
            "# Release \"none\": a symbol a packager's libc.so exports that musl's source names neither at the",
            f"# release's tag nor at that commit (Debian's musl adds fts_* from a patch): {len(foreign)} symbols.",
            f"# Generated by {GENERATOR}; do not edit. Pinned by dev.wheelsh.core.elf.MuslSymbolsTest.",
        ]
        lines = [f"{sym}\t{rel}\t{','.join(arches)}" for (sym, rel), arches in sorted(rows.items())]
        (out / "musl-symbols.tsv").write_text("\n".join(header + lines) + "\n")
        loader = [
            "# The library names musl's dynamic loader answers itself: a DT_NEEDED name that begins with",
            "# \"lib\", one of these stems and a dot (libc.so, libm.so, libpthread.so.0, libc.musl-x86_64.so.1)",
            "# is the loader's own C library, never a file it looks for.",
            f"# Source: musl's git, commit {commit}, ldso/dynlink.c (load_library: reserved[]).",
            f"# Generated by {GENERATOR}; do not edit. Pinned by dev.wheelsh.core.elf.MuslSymbolsTest.",
        ]
        (out / "musl-loader.tsv").write_text("\n".join(loader + reserved) + "\n")
        print(f"{len(lines)} rows, releases {', '.join(sorted({r for arch in libs for r in libs[arch]}, key=key))}; "
              f"reserved: {', '.join(reserved)}", file=sys.stderr)
        return 0
    except (Bad, OSError) as e:
        print(f"generate_musl_symbols: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
