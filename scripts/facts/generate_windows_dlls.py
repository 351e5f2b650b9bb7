#!/usr/bin/env python3
"""Write the DLLs Windows provides, per machine, from delvewheel's own lists.

    python3 scripts/facts/generate_windows_dlls.py --delvewheel GIT_DIR[@REV] \
        [--out core/src/main/resources/dev/wheelsh/core/checks]

GIT_DIR is a clone (bare or not) of github.com/adang1345/delvewheel; REV is a tag or commit
(without it, the newest v* tag, or HEAD when the clone has no tags). The module that holds the
lists is read with `git show REV:path`, never from a work tree, and parsed with `ast` (nothing of
delvewheel is imported or run). The release is the version string that module's package states.

It writes two files. windows-dlls.tsv: one line per DLL name (or name prefix ending in `*`) that delvewheel
never bundles because Windows has it, with the wheel platform tags (win32, win_amd64, win_arm64)
of the machines whose Windows has it. The per-machine sets are delvewheel's lists of System32 and
SysWOW64 files present on every Windows release it supports; the rules that hold on every machine
are its patterns that are a plain name or a name followed by "anything" (the API sets). Patterns
of another shape (the interpreters' own DLLs) are counted in the header and left to the checks,
which judge those by the wheel's tags.

windows-python-runtime.tsv: the C runtime DLLs an interpreter ships beside itself, so that a module
may import them without bundling them, per ABI tag and platform tag (and, for stable-ABI wheels,
per Python tag), for CPython 2.6 to 3.99 (debug and free-threaded builds included) and PyPy. The
rows are delvewheel's own tables (ignore_by_abi_platform and ignore_abi3) evaluated here, by its
rule (the first pattern that matches "TAG-PLATFORM" whole), for every such tag; tags no pattern
matches have no row. GraalPy's ABI tags carry a build number and are not enumerated.

Exit code 2 with one line on bad input.
"""
from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
from pathlib import Path

GENERATOR = "scripts/facts/generate_windows_dlls.py"
REPOSITORY = "https://github.com/adang1345/delvewheel"
LISTS = "delvewheel/_dll_list.py"
VERSION = "delvewheel/_version.py"
OUTPUT = "windows-dlls.tsv"
RUNTIME_OUTPUT = "windows-python-runtime.tsv"
PLATFORMS = ("win32", "win_amd64", "win_arm64")
# delvewheel's names for its per-machine sets -> the wheel platform tag of that machine
MACHINES = {"ignore_names_x86": "win32", "ignore_names_x64": "win_amd64", "ignore_names_arm64": "win_arm64"}
# a pattern that is a literal file name, optionally followed by ".*" (any suffix)
LITERAL = re.compile(r"((?:[a-z0-9_\-]|\\\.)+)(\.\*)?")


class Bad(Exception):
    pass


def git(git_dir: str, *args: str) -> str:
    r = subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, text=True)
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or ["failed"])[-1]
        raise Bad(f"{git_dir}: git {' '.join(args)}: {last}")
    return r.stdout


def resolve(spec: str) -> tuple[str, str, str]:
    git_dir, _, rev = spec.partition("@")
    if not rev:
        tags = [t for t in git(git_dir, "tag", "--sort=-v:refname").split() if re.fullmatch(r"v?\d+(\.\d+)+", t)]
        rev = tags[0] if tags else "HEAD"
    commit = git(git_dir, "rev-parse", rev + "^{commit}").strip()
    return git_dir, rev, commit


def assignments(text: str, path: str) -> dict[str, ast.expr]:
    out = {}
    for node in ast.parse(text, path).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = node.value
    return out


def string_set(node: ast.expr, what: str) -> set[str]:
    value = ast.literal_eval(node)
    if not isinstance(value, set) or not all(isinstance(v, str) for v in value):
        raise Bad(f"{LISTS}: {what} is not a set of strings")
    return value


def pattern_strings(node: ast.expr) -> list[str]:
    """The pattern text of each re.compile(...) call in a set display."""
    if not isinstance(node, ast.Set):
        raise Bad(f"{LISTS}: ignore_regexes is not a set display")
    out = []
    for element in node.elts:
        if (isinstance(element, ast.Call) and len(element.args) == 1 and isinstance(element.args[0], ast.Constant)
                and isinstance(element.args[0].value, str)):
            out.append(element.args[0].value)
        else:
            raise Bad(f"{LISTS}: an element of ignore_regexes is not re.compile of a string")
    return out


def abi_tags() -> list[str]:
    """CPython's and PyPy's ABI tags on Windows, oldest first: every build flavour of each version."""
    out = ["cp26m", "cp27m"]
    for minor in range(2, 100):
        for suffix in ("", "m", "dm", "d", "t", "td"):
            out.append(f"cp3{minor}{suffix}")
    out += ["pypy_41", "pypy_73"] + [f"pypy3{minor}_pp73" for minor in range(6, 100)]
    return out


def python_tags() -> list[str]:
    return [f"cp3{minor}" for minor in range(2, 100)]


def dict_of_sets(node: ast.expr, what: str) -> list[tuple[str, set[str]]]:
    """A dict display of pattern -> set of names, in source order (delvewheel takes the first match)."""
    if not isinstance(node, ast.Dict):
        raise Bad(f"{LISTS}: {what} is not a dict display")
    out = []
    for key, value in zip(node.keys, node.values):
        pattern = ast.literal_eval(key)
        if not isinstance(pattern, str):
            raise Bad(f"{LISTS}: a key of {what} is not a string")
        out.append((pattern, string_set(value, what)))
    return out


def first_match(table: list[tuple[str, set[str]]], text: str) -> set[str] | None:
    for pattern, names in table:
        if re.fullmatch(pattern, text):
            return names
    return None


def runtime_rows(values: dict[str, ast.expr]) -> list[str]:
    rows = []
    for variable, kind, tags in (("ignore_by_abi_platform", "abi", abi_tags()), ("ignore_abi3", "abi3-python", python_tags())):
        if variable not in values:
            raise Bad(f"{LISTS}: no {variable}")
        table = dict_of_sets(values[variable], variable)
        for tag in tags:
            for platform in PLATFORMS:
                names = first_match(table, f"{tag}-{platform}")
                if names is not None:
                    rows.append(f"{kind}\t{tag}\t{platform}\t{' '.join(sorted(n.lower() for n in names))}")
    return rows


def generate(spec: str) -> tuple[str, str]:
    git_dir, rev, commit = resolve(spec)
    version_text = git(git_dir, "show", f"{commit}:{VERSION}")
    version = re.search(r"__version__\s*=\s*['\"]([^'\"]+)['\"]", version_text)
    if not version:
        raise Bad(f"{VERSION}: no __version__")
    values = assignments(git(git_dir, "show", f"{commit}:{LISTS}"), LISTS)

    machines_of: dict[str, set[str]] = {}
    for variable, tag in MACHINES.items():
        if variable not in values:
            raise Bad(f"{LISTS}: no {variable}")
        for name in string_set(values[variable], variable):
            machines_of.setdefault(name.lower(), set()).add(tag)
    if "ignore_regexes" not in values:
        raise Bad(f"{LISTS}: no ignore_regexes")
    everywhere = set(MACHINES.values())
    skipped = 0
    for pattern in pattern_strings(values["ignore_regexes"]):
        m = LITERAL.fullmatch(pattern)
        if not m:
            skipped += 1
            continue
        name = m.group(1).replace("\\.", ".") + ("*" if m.group(2) else "")
        machines_of.setdefault(name, set()).update(everywhere)

    revision = "" if commit.startswith(rev) else f"tag {rev}, "
    order = list(MACHINES.values())
    lines = [
        "# The DLLs Windows provides, per machine: a DLL named here is never bundled by delvewheel, and an",
        "# import of it is no obstacle (WH326) on the machines listed. A name ending in * stands for every",
        "# name that begins so (the API sets). Columns: the lower-case name, then the wheel platform tags",
        "# of the machines whose Windows has it (every release delvewheel supports, Windows 7 SP1 on).",
        f"# Source: {REPOSITORY} {version.group(1)} ({revision}commit {commit}),",
        f"# {LISTS}: its per-machine lists of System32 and SysWOW64 files and those of its",
        f"# ignore_regexes that are a name or a name prefix ({skipped} other patterns, the interpreters' own",
        "# DLLs, are judged by the wheel's tags instead).",
        f"# Generated by {GENERATOR}; do not edit. Pinned by dev.wheelsh.core.checks.WindowsDllsTest.",
    ]
    for name in sorted(machines_of):
        tags = [t for t in order if t in machines_of[name]]
        lines.append(name + "\t" + " ".join(tags))
    source = f"# Source: {REPOSITORY} {version.group(1)} ({revision}commit {commit}),"
    runtime = [
        "# The C runtime DLLs an interpreter ships beside itself on Windows: a module may import them",
        "# without bundling them (WH326) when every interpreter the wheel's tags admit has them. Columns:",
        "# kind (abi: by ABI tag; abi3-python: for a wheel whose ABI tags are all abi3 or abi3t, by",
        "# Python tag), the tag, the platform tag, the DLLs (lower case, space-separated). A tag without",
        "# a row ships none that counts. CPython 2.6 to 3.99 and PyPy; GraalPy is not enumerated.",
        source,
        f"# {LISTS}: ignore_by_abi_platform and ignore_abi3, evaluated for each tag by delvewheel's rule",
        "# (the first pattern that matches TAG-PLATFORM whole).",
        f"# Generated by {GENERATOR}; do not edit. Pinned by dev.wheelsh.core.checks.WindowsDllsTest.",
    ] + runtime_rows(values)
    return "\n".join(lines) + "\n", "\n".join(runtime) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delvewheel", required=True, metavar="GIT_DIR[@REV]")
    parser.add_argument("--out", default="core/src/main/resources/dev/wheelsh/core/checks")
    args = parser.parse_args()
    try:
        out = Path(args.out)
        if not out.is_dir():
            raise Bad(f"{out}: not a directory")
        system, runtime = generate(args.delvewheel)
        (out / OUTPUT).write_bytes(system.encode("utf-8"))
        (out / RUNTIME_OUTPUT).write_bytes(runtime.encode("utf-8"))
    except (Bad, ValueError, SyntaxError) as e:
        print(f"generate_windows_dlls: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
