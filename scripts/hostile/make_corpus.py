#!/usr/bin/env python3
"""Writes the hostile-wheel corpus into a directory (git-ignored; the tests write it under target/).

Each case is a file (or a non-file: a directory, a FIFO, a symlink loop) named in expected.tsv
with the text the one-line refusal must contain. Every byte is made here from the Python standard
library, so the corpus is the same on every machine and nothing binary is committed.

Usage: make_corpus.py OUTDIR
"""
import io
import os
import struct
import sys
import zipfile
import zlib

DIST = "foo-1.0.dist-info"
WHEEL = b"Wheel-Version: 1.0\nGenerator: hostile 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
METADATA = b"Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n"
NAME = "foo-1.0-py3-none-any.whl"


def honest(extra=()):
    """A small valid wheel as bytes; extra is a list of (name, bytes) members."""
    members = [(DIST + "/WHEEL", WHEEL), (DIST + "/METADATA", METADATA), ("foo/__init__.py", b"x = 1\n" * 40)]
    members += list(extra)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
        z.writestr(DIST + "/RECORD", record(members))
    return buf.getvalue()


def record(members):
    import base64
    import hashlib
    lines = []
    for name, data in members:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append("%s,sha256=%s,%d" % (name, digest, len(data)))
    lines.append(DIST + "/RECORD,,")
    return "\n".join(lines) + "\n"


class Raw:
    """A zip written by hand, so sizes, CRCs, methods and offsets can lie."""

    def __init__(self):
        self.body = bytearray()
        self.central = []

    def member(self, name, data, method=8, size=None, csize=None, crc=None, offset=None, payload=None):
        raw = name.encode("utf-8", "surrogateescape")
        if payload is None:
            payload = deflate(data) if method == 8 else data
        size = len(data) if size is None else size
        csize = len(payload) if csize is None else csize
        crc = zlib.crc32(data) if crc is None else crc
        at = len(self.body) if offset is None else offset
        if offset is None:
            self.body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, csize, size, len(raw), 0)
            self.body += raw + payload
        self.central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, csize,
                                        size, len(raw), 0, 0, 0, 0, 0, at) + raw)
        return at

    def bytes(self, count=None, cd_offset=None):
        cd = b"".join(self.central)
        n = len(self.central) if count is None else count
        off = len(self.body) if cd_offset is None else cd_offset
        return bytes(self.body) + cd + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(cd), off, 0)


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def basics(z):
    z.member(DIST + "/WHEEL", WHEEL)
    z.member(DIST + "/METADATA", METADATA)


def main(out):
    os.makedirs(out, exist_ok=True)
    expected = []

    def case(name, data, expect):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        expected.append((name, expect))

    base = honest()
    case("honest.whl", base, "")

    # Corrupt members that Python's zipfile refuses.
    z = Raw(); basics(z); z.member("foo/a.py", b"a = 1\n" * 100, crc=0x12345678)
    case("bad-crc.whl", z.bytes(), "CRC-32 of its data is")
    z = Raw(); basics(z); z.member("foo/a.py", b"a = 1\n" * 100, size=0)
    case("zero-size.whl", z.bytes(), "inflates past the 0 bytes")
    data = b"import os\n" * 200
    z = Raw(); basics(z); z.member("foo/a.py", data, method=0, payload=deflate(data), size=len(deflate(data)))
    case("deflate-marked-stored.whl", z.bytes(), "CRC-32 of its data is")
    z = Raw(); basics(z); z.member("foo/a.py", data, method=0, payload=data, csize=len(data) - 1)
    case("stored-size-mismatch.whl", z.bytes(), "stored (not compressed)")
    z = Raw(); basics(z); z.member("foo/a.py", data, method=99, payload=data)
    case("unknown-method.whl", z.bytes(), "compression method 99")

    # Overlapping members: many directory entries pointing at one stream.
    z = Raw(); basics(z)
    big = b"\0" * (8 << 20)
    at = z.member("foo/0.bin", big)
    big_crc = zlib.crc32(big)
    for i in range(1, 2000):
        z.member("foo/%d.bin" % i, b"", size=len(big), csize=len(z.body) - at - 30 - 9, crc=big_crc,
                 offset=at, payload=b"")
    case("overlap-one-stream.whl", z.bytes(), "overlaps member")

    # A stream just under the ratio check, inflating far past its compressed size.
    z = Raw(); basics(z); z.member("foo/zeros.bin", b"\0" * (64 << 20))
    case("bomb-64mib.whl", z.bytes(), "")

    # The central directory lies about itself.
    z = Raw(); basics(z)
    case("cd-offset-past-end.whl", z.bytes(cd_offset=1 << 30), "past its end record")
    case("cd-count-lies.whl", z.bytes(count=60000), "")  # a wrong count is harmless, as for zipfile

    # Truncations at every structure boundary of the honest wheel, and inside each structure.
    eocd = base.rfind(b"PK\x05\x06")
    cd = struct.unpack_from("<I", base, eocd + 16)[0]
    cuts = {"in-first-local-header": 10, "in-first-member-data": 40, "at-central-directory": cd,
            "in-central-directory": cd + 30, "at-end-record": eocd, "in-end-record": eocd + 10,
            "last-byte": len(base) - 1}
    expect = {"last-byte": "is cut short: the file ends at byte %d (truncated)" % (len(base) - 1)}
    for label, n in cuts.items():
        case("truncated-%s.whl" % label, base[:n], expect.get(label, "not a readable zip archive"))
    case("empty.whl", b"", "shorter than the smallest zip")

    # Names and text with escape bytes: they must come back escaped, never raw.
    z = Raw(); basics(z); z.member("foo/\x1b[31mred\x1b[0m.py", b"x", crc=1)
    case("escape-in-name.whl", z.bytes(), "\\x1b[31mred")

    # RECORD of a million lines: verification streams it.
    lines = "".join("foo/m%07d.py,sha256=AAAA,1\n" % i for i in range(1_000_000))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zz:
        zz.writestr(DIST + "/WHEEL", WHEEL)
        zz.writestr(DIST + "/METADATA", METADATA)
        zz.writestr(DIST + "/RECORD", lines)
    case("record-1m-lines.whl", buf.getvalue(), "")

    # Things that are not regular files.
    os.makedirs(os.path.join(out, "directory.whl"), exist_ok=True)
    expected.append(("directory.whl", "a directory, not a wheel file"))
    fifo = os.path.join(out, "fifo.whl")
    if not os.path.exists(fifo) and hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
    expected.append(("fifo.whl", "a FIFO (named pipe), not a regular file"))
    for a, b in (("loop-a.whl", "loop-b.whl"), ("loop-b.whl", "loop-a.whl")):
        p = os.path.join(out, a)
        if not os.path.lexists(p):
            os.symlink(b, p)
    expected.append(("loop-a.whl", "a loop of symbolic links"))
    dangling = os.path.join(out, "dangling.whl")
    if not os.path.lexists(dangling):
        os.symlink("nowhere.whl", dangling)
    expected.append(("dangling.whl", "a symbolic link to a file that does not exist"))

    with open(os.path.join(out, "expected.tsv"), "w") as f:
        f.write("# case\tthe refusal contains (empty: reads, or fails in one line)\n")
        for name, expect in expected:
            f.write("%s\t%s\n" % (name, expect))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUTDIR")
    main(sys.argv[1])
