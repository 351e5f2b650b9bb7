"""Write the soname -> Debian package table (core/.../checks/debian-sonames.tsv).

Source: the shlibs control files of Debian 12 (bookworm) binary packages, which say, for each
shared library a package ships, the package that provides it ("libssl 3 libssl3 (>= 3.0.0)" is
libssl.so.3 in libssl3). The packages are those scripts/fetch.d/10-debian-elf.sh and
60-debian-system-libs.sh download into .corpus (their names and versions go into the table's
header, so the source is stated). A shlibs line names the library and its version but not how
they join: libssl 3 is libssl.so.3, libfoo-2 0 may be libfoo-2.so.0; the spelling the package
really ships (a file or a link in its tree) decides. udeb lines (the installer's) are left out.

usage: python3 generate_debian_sonames.py OUT.tsv DIR_WITH_DEBS...
"""
import os
import subprocess
import sys


def control(deb, name):
    r = subprocess.run(["dpkg-deb", "-I", deb, name], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ""


def field(deb, name):
    return subprocess.run(["dpkg-deb", "-f", deb, name], capture_output=True, text=True, check=True).stdout.strip()


def shipped_names(deb):
    names = set()
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        path = line.split(None, 5)[-1].split(" -> ")[0]
        names.add(os.path.basename(path.rstrip("/")))
    return names


def main(out, dirs):
    rows = {}
    sources = []
    for d in dirs:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".deb"):
                continue
            deb = os.path.join(d, f)
            shlibs = control(deb, "shlibs")
            if not shlibs.strip():
                continue
            package, version, arch = field(deb, "Package"), field(deb, "Version"), field(deb, "Architecture")
            sources.append(f"{package} {version} {arch}")
            names = shipped_names(deb)
            for line in shlibs.splitlines():
                parts = line.split()
                if parts and parts[0].endswith(":"):
                    continue  # udeb: and other typed lines
                if len(parts) < 3:
                    continue  # not a shlibs entry (a blank or malformed line)
                lib, sover, provider = parts[0], parts[1], parts[2]
                for soname in (f"{lib}.so.{sover}", f"{lib}-{sover}.so"):
                    if soname in names:
                        rows.setdefault(soname, {}).setdefault(provider, set()).add(arch)
                        break
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# soname -> the Debian package that provides it, from the shlibs control files of Debian 12 (bookworm)\n")
        f.write("# packages (scripts/facts/generate_debian_sonames.py; do not edit). Columns: soname, package,\n")
        f.write("# the architectures whose package says so. Read from:\n")
        for s in sorted(set(sources)):
            f.write(f"#   {s}\n")
        for soname in sorted(rows):
            for provider in sorted(rows[soname]):
                f.write(f"{soname}\t{provider}\t{' '.join(sorted(rows[soname][provider]))}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
