#!/usr/bin/env python3
"""Builds wheelsh-VERSION-py3-none-any.whl: the wheelsh jar in a Python package whose console
script runs it (python/wheelsh/_launcher.py), so that `pipx install`, `uv tool install` and
`pip install` put a `wheelsh` command on PATH.

The wheel is written by hand to the binary distribution format (PEP 427, PEP 491 and the
packaging guide's "Binary distribution format"; METADATA 2.1 per PEP 566; entry points per the
entry points specification): members in a fixed order with fixed timestamps so two builds of the
same inputs are the same bytes, the .dist-info directory last, and RECORD listing every other
member with its sha256 (urlsafe base64, no padding) and size.

Usage: build_wheel.py --version MAVEN_VERSION --jar wheelsh.jar --share SHARE_DIR --out DIST_DIR
  SHARE_DIR holds man/man1/*.1 and the completion scripts (bash-completion/completions/wheelsh,
  zsh/site-functions/_wheelsh, fish/vendor_completions.d/wheelsh.fish); they go to the
  environment's share/ through the wheel's .data/data directory.
"""
import argparse
import base64
import hashlib
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = os.path.join(HERE, "python", "wheelsh")
# zip's earliest date; SOURCE_DATE_EPOCH overrides it as reproducible builds expect.
EPOCH = (1980, 1, 1, 0, 0, 0)
SUMMARY = "Tells whether a Python wheel will run on a machine, and why not (needs Java 17 or newer)."


def pep440(maven_version):
    """Maven's X.Y.Z-SNAPSHOT is the development release X.Y.Z.dev0; a release version is itself."""
    m = re.fullmatch(r"(\d+(?:\.\d+)*)(-SNAPSHOT)?", maven_version)
    if not m:
        raise SystemExit(f"build_wheel.py: version {maven_version!r} is neither X.Y.Z nor X.Y.Z-SNAPSHOT")
    return m.group(1) + (".dev0" if m.group(2) else "")


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def date_time():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return EPOCH
    import time
    t = time.gmtime(max(int(epoch), 315532800))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def metadata(version):
    readme = ("wheelsh answers one question for people who build and install Python wheels: will this "
              "wheel run on that machine, and if not, why not?\n\n"
              "This wheel carries the wheelsh jar and a `wheelsh` command that runs it with Java 17 or "
              "newer, found through WHEELSH_JAVA, JAVA_HOME or PATH.\n")
    return (f"Metadata-Version: 2.1\n"
            f"Name: wheelsh\n"
            f"Version: {version}\n"
            f"Summary: {SUMMARY}\n"
            f"Requires-Python: >=3.8\n"
            f"Classifier: Environment :: Console\n"
            f"Classifier: Programming Language :: Java\n"
            f"Classifier: Topic :: System :: Software Distribution\n"
            f"Description-Content-Type: text/markdown\n"
            f"\n{readme}")


def members(version, jar, share):
    """(archive name, bytes, executable) for every member but RECORD, in archive order."""
    dist_info = f"wheelsh-{version}.dist-info"
    data = f"wheelsh-{version}.data/data"
    out = []
    for name in sorted(os.listdir(PACKAGE)):
        if name.endswith(".py"):
            with open(os.path.join(PACKAGE, name), "rb") as f:
                out.append((f"wheelsh/{name}", f.read(), False))
    with open(jar, "rb") as f:
        out.append(("wheelsh/wheelsh.jar", f.read(), False))
    for top, _, files in sorted(os.walk(share)):
        for name in sorted(files):
            path = os.path.join(top, name)
            rel = os.path.relpath(path, share).replace(os.sep, "/")
            with open(path, "rb") as f:
                out.append((f"{data}/share/{rel}", f.read(), False))
    out.append((f"{dist_info}/METADATA", metadata(version).encode(), False))
    out.append((f"{dist_info}/WHEEL", ("Wheel-Version: 1.0\n"
                                       "Generator: wheelsh scripts/dist/build_wheel.py\n"
                                       "Root-Is-Purelib: true\n"
                                       "Tag: py3-none-any\n").encode(), False))
    out.append((f"{dist_info}/entry_points.txt", b"[console_scripts]\nwheelsh = wheelsh._launcher:main\n", False))
    return out, dist_info


def build(maven_version, jar, share, out_dir):
    version = pep440(maven_version)
    entries, dist_info = members(version, jar, share)
    record = "".join(f"{name},{record_hash(data)},{len(data)}\n" for name, data, _ in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode(), False))
    os.makedirs(out_dir, exist_ok=True)
    wheel = os.path.join(out_dir, f"wheelsh-{version}-py3-none-any.whl")
    tmp = wheel + ".tmp"
    when = date_time()
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data, executable in entries:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100755 if executable else 0o100644) << 16
            info.create_system = 3  # Unix, so the permission bits are read
            z.writestr(info, data)
    os.replace(tmp, wheel)
    return wheel


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--version", required=True, help="the Maven project version, e.g. 0.1.0-SNAPSHOT")
    p.add_argument("--jar", required=True)
    p.add_argument("--share", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    for what, path in (("--jar", a.jar), ("--share", a.share)):
        if not os.path.exists(path):
            sys.exit(f"build_wheel.py: {what} {path}: no such file or directory")
    print(build(a.version, a.jar, a.share, a.out))


if __name__ == "__main__":
    main()
