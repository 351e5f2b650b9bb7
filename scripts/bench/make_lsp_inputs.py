#!/usr/bin/env python3
"""Writes the two large documents the language-server latency benchmark edits, into OUTDIR:

  baseline-500.json   a baseline file of 500 policies in auditwheel's policy format: 40 PEP 600
                      names (manylinux_2_5 .. manylinux_2_44, so the checks compare them with
                      their built-in namesakes) and 460 site-specific names, each with symbol
                      versions for x86_64 and aarch64, a library whitelist and a blacklist;
  pyproject-2000.toml a pyproject.toml of 2,000 lines: [project] with dependencies and
                      optional groups, [tool.cibuildwheel] with its platform tables and
                      overrides (selectors, environments, images), [tool.uv] and [tool.wheelsh].

Every byte is made here, so the inputs are the same on every machine. Usage: make_lsp_inputs.py OUTDIR
"""
import json
import os
import sys


def glibc_versions(top):
    out = ["2.2.5", "2.3", "2.3.2", "2.3.3", "2.3.4", "2.4"]
    out += ["2.%d" % m for m in range(5, top + 1)]
    return out


def policy(i, name, top):
    arches = {}
    for arch in ("x86_64", "aarch64"):
        arches[arch] = {
            "GLIBC": glibc_versions(top) if arch == "x86_64" else ["2.%d" % m for m in range(17, max(top, 17) + 1)],
            "GLIBCXX": ["3.4"] + ["3.4.%d" % m for m in range(1, 10 + top % 20)],
            "CXXABI": ["1.3"] + ["1.3.%d" % m for m in range(1, 4 + top % 9)] + ["TM_1"],
            "GCC": ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "4.0.0", "4.2.0", "4.3.0"],
        }
    return {
        "name": name,
        "aliases": [],
        "priority": 1000 - i,
        "symbol_versions": arches,
        "lib_whitelist": ["libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libdl.so.2", "librt.so.1",
                          "libc.so.6", "libpthread.so.0", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
                          "libz.so.1", "libexpat.so.1", "libnsl.so.1"],
        "blacklist": {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block"]},
    }


def baseline():
    policies = [{"name": "linux", "aliases": [], "priority": 0, "symbol_versions": {}, "lib_whitelist": [],
                 "blacklist": {}}]
    for i in range(1, 500):
        if i <= 40:
            minor = 4 + i
            policies.append(policy(i, "manylinux_2_%d" % minor, minor))
        else:
            policies.append(policy(i, "site_linux_%03d" % i, 17 + i % 24))
    lines = ["["]
    for n, p in enumerate(policies):
        lines.append("  " + json.dumps(p) + ("," if n + 1 < len(policies) else ""))
    lines.append("]")
    return "\n".join(lines) + "\n"


def pyproject():
    out = ["[build-system]", 'requires = ["setuptools>=61", "wheel"]', 'build-backend = "setuptools.build_meta"', "",
           "[project]", 'name = "bigproject"', 'version = "1.0"', 'requires-python = ">=3.9"', "dependencies = ["]
    for i in range(300):
        out.append('  "dep%03d>=1.%d; python_version >= \'3.9\' and platform_machine == \'x86_64\'",' % (i, i % 10))
    out.append("]")
    out.append("")
    out.append("[project.optional-dependencies]")
    for g in range(20):
        out.append('group%02d = ["extra%02d-a>=2", "extra%02d-b; sys_platform == \'linux\'"]' % (g, g, g))
    out += ["", "[tool.cibuildwheel]", 'build = "cp39-* cp310-* cp311-* cp312-* cp313-*"', 'skip = "*-musllinux_i686"',
            'archs = ["auto64"]', 'test-command = "pytest {project}/tests"', 'test-requires = ["pytest"]',
            'build-verbosity = 1', "", "[tool.cibuildwheel.linux]", 'archs = ["x86_64", "aarch64"]',
            'manylinux-x86_64-image = "manylinux_2_28"', 'manylinux-aarch64-image = "manylinux_2_28"',
            'before-all = "yum install -y zlib-devel"', "", "[tool.cibuildwheel.macos]",
            'archs = ["x86_64", "arm64"]', "", "[tool.cibuildwheel.windows]", 'archs = ["AMD64", "ARM64"]', ""]
    selectors = ["cp39-manylinux_x86_64", "cp310-manylinux_aarch64", "cp311-musllinux_x86_64", "cp312-macosx_arm64",
                 "cp313-win_amd64", "cp3{10..13}-manylinux_*", "*-musllinux_aarch64", "pp310-manylinux_x86_64"]
    n = 0
    while len(out) < 1950:
        out.append("[[tool.cibuildwheel.overrides]]")
        out.append('select = "%s"' % selectors[n % len(selectors)])
        out.append('environment = { CFLAGS = "-O2 -g%d", BUILD_ID = "%d" }' % (n % 3, n))
        out.append('test-command = "pytest -x {project}/tests"')
        out.append("")
        n += 1
    out += ["[tool.uv]", 'environments = ["sys_platform == \'linux\'", "sys_platform == \'darwin\'"]', "",
            "[tool.wheelsh]", 'targets = ["cp312-glibc2.28-x86_64", "cp313-musl1.2-aarch64"]']
    while len(out) < 2000:
        out.append("# end of the generated file")
    return "\n".join(out[:2000]) + "\n"


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "baseline-500.json"), "w") as f:
        f.write(baseline())
    with open(os.path.join(outdir, "pyproject-2000.toml"), "w") as f:
        f.write(pyproject())


if __name__ == "__main__":
    main()
