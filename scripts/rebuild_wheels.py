"""Rebuild wheels from the packages installed in a Python environment.

For every installed distribution whose .dist-info holds a WHEEL file and a RECORD, write the wheel
it was installed from: the files RECORD lists with a hash (what the wheel carried; files pip adds
at install time such as INSTALLER, REQUESTED, direct_url.json and compiled __pycache__ are left
out), a fresh RECORD with the sha256 of each file as it is now, and a name built from METADATA and
the WHEEL Tag lines. Only distributions with native code (.so files) are rebuilt, plus the few
named on the command line.

usage: python3 rebuild_wheels.py OUTDIR [EXTRA_DIST ...]
"""
import base64
import csv
import hashlib
import io
import os
import re
import sys
import sysconfig
import zipfile

SKIP = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}


def headers(text):
    out = {}
    for line in text.splitlines():
        if not line.strip():
            break
        if ":" in line and not line[0].isspace():
            k, v = line.split(":", 1)
            out.setdefault(k.strip(), []).append(v.strip())
    return out


def compressed_tags(tags):
    parts = [t.split("-") for t in tags]
    def join(i):
        seen = []
        for p in parts:
            if p[i] not in seen:
                seen.append(p[i])
        return ".".join(seen)
    return "-".join(join(i) for i in range(3))


def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def rebuild(site, info, outdir):
    base = os.path.join(site, info)
    with open(os.path.join(base, "WHEEL"), encoding="utf-8") as f:
        wheel = headers(f.read())
    with open(os.path.join(base, "METADATA"), encoding="utf-8") as f:
        meta = headers(f.read())
    name = re.sub(r"[-_.]+", "_", meta["Name"][0])
    version = meta["Version"][0].replace("-", "_")
    filename = f"{name}-{version}-{compressed_tags(wheel.get('Tag', ['py3-none-any']))}.whl"
    members = []
    with open(os.path.join(base, "RECORD"), encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) < 2 or not row[1]:
                continue
            path = row[0]
            if path.startswith("..") or os.path.isabs(path) or "__pycache__" in path:
                continue
            if path.startswith(info + "/") and os.path.basename(path) in SKIP:
                continue
            full = os.path.join(site, path)
            if os.path.isfile(full):
                members.append(path)
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    out = os.path.join(outdir, filename)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in members:
            with open(os.path.join(site, path), "rb") as f:
                data = f.read()
            z.writestr(path, data)
            writer.writerow([path, digest(data), len(data)])
        writer.writerow([info + "/RECORD", "", ""])
        z.writestr(info + "/RECORD", record.getvalue())
    return out


def main():
    outdir = sys.argv[1]
    extra = {re.sub(r"[-_.]+", "-", n).lower() for n in sys.argv[2:]}
    os.makedirs(outdir, exist_ok=True)
    sites = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    count = 0
    for site in sorted(sites):
        if not os.path.isdir(site):
            continue
        for info in sorted(os.listdir(site)):
            if not info.endswith(".dist-info"):
                continue
            base = os.path.join(site, info)
            if not (os.path.isfile(os.path.join(base, "WHEEL")) and os.path.isfile(os.path.join(base, "RECORD"))):
                continue
            with open(os.path.join(base, "RECORD"), encoding="utf-8") as f:
                native = ".so," in f.read()
            dist = re.sub(r"[-_.]+", "-", info.rsplit("-", 1)[0]).lower()
            if not native and dist not in extra:
                continue
            try:
                rebuild(site, info, outdir)
                count += 1
            except (OSError, KeyError, ValueError) as e:
                print(f"rebuild_wheels: {info}: {e}; skipped", file=sys.stderr)
    print(f"rebuild_wheels: {count} wheels in {outdir}")


if __name__ == "__main__":
    main()
