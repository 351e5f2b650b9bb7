"""Write the API level each bionic symbol version first appeared in (core/.../elf/bionic-versions.tsv).

Source: bionic's symbol maps (libc/libc.map.txt, libm/libm.map.txt, libdl/libdl.map.txt) in a git
directory of https://android.googlesource.com/platform/bionic (its GitHub mirror
aosp-mirror/platform_bionic), read at one commit that the table's header names. Each version node
(LIBC_N, LIBC_O, ...) annotates its symbols with the API level that introduced them
("# introduced=26", per architecture "introduced-arm64=24") and, where a symbol existed before it
was versioned, the level that versioned it ("versioned=24"). Code that asks a node's version was
linked against a libc of at least the lowest level at which some symbol of that node carries the
version, so that level is the node's floor. The base node LIBC and the platform-only nodes
(LIBC_PRIVATE, LIBC_PLATFORM, LIBC_DEPRECATED) set no floor and are left out.

usage: python3 generate_bionic_versions.py BIONIC_GIT_DIR COMMIT OUT.tsv
"""
import re
import subprocess
import sys

MAPS = {"libc.so": "libc/libc.map.txt", "libm.so": "libm/libm.map.txt", "libdl.so": "libdl/libdl.map.txt"}
ARCHES = ["arm", "arm64", "riscv64", "x86", "x86_64"]
SKIP = {"LIBC", "LIBC_PRIVATE", "LIBC_PLATFORM", "LIBC_DEPRECATED"}
NODE = re.compile(r"^(\w+)\s*\{(.*)$")


def tags(comment):
    return comment.split()


def level(words, key, arch):
    for w in words:
        if w.startswith(f"{key}-{arch}="):
            return int(w.split("=")[1])
    for w in words:
        if w.startswith(f"{key}="):
            return int(w.split("=")[1])
    return None


def floors(text):
    out = {}
    node = None
    node_tags = []
    for raw in text.splitlines():
        line = raw.strip()
        m = NODE.match(line)
        if m:
            node = m.group(1)
            node_tags = tags(m.group(2).split("#", 1)[1]) if "#" in m.group(2) else []
            continue
        if line.startswith("}"):
            node = None
            continue
        if node is None or node in SKIP or ";" not in line or line.startswith(("global:", "local:")):
            continue
        sym, _, comment = line.partition(";")
        words = tags(comment.split("#", 1)[1]) if "#" in comment else []
        if "platform-only" in words or "apex" in words or "llndk" in words:
            continue
        only = [a for a in ARCHES if a in words]
        for arch in only or ARCHES:
            intro = level(words, "introduced", arch) or level(node_tags, "introduced", arch) or 0
            versioned = level(words, "versioned", arch) or 0
            floor = max(intro, versioned)
            key = (node, arch)
            out[key] = floor if key not in out else min(out[key], floor)
    return out


def main(git, commit, dest):
    rows = []
    for lib, path in MAPS.items():
        text = subprocess.run(["git", "--git-dir", git, "show", f"{commit}:{path}"], capture_output=True, text=True,
                              check=True).stdout
        per = floors(text)
        for node in sorted({n for n, _ in per}):
            levels = {a: per[(node, a)] for a in ARCHES if (node, a) in per}
            if len(set(levels.values())) == 1:
                rows.append((lib, node, "*", next(iter(levels.values()))))
            else:
                rows.extend((lib, node, a, lv) for a, lv in sorted(levels.items()))
    with open(dest, "w", encoding="utf-8", newline="\n") as f:
        f.write("# The API level from which bionic's libraries define each symbol version: code asking it was built for\n")
        f.write(f"# that level or later. From bionic's libc.map.txt, libm.map.txt and libdl.map.txt at commit {commit}\n")
        f.write("# (scripts/facts/generate_bionic_versions.py; do not edit). Columns: library, version, architecture (* for\n")
        f.write("# all of arm, arm64, riscv64, x86, x86_64), API level.\n")
        for lib, node, arch, lv in rows:
            if lv > 0:
                f.write(f"{lib}\t{node}\t{arch}\t{lv}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
