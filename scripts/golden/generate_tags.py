#!/usr/bin/env python3
"""Regenerates the golden files of the tag engine from Python's `packaging` (26.x).

The Java tests read the golden files, so they run where Python is absent; the differential
test runs this script live when a Python with packaging >= 26 is present and compares.

Usage: generate_tags.py OUT_DIR   (writes tags.golden.json, wheel-filenames.golden.json,
                                   sdist-filenames.golden.json; reads the *.json inputs beside
                                   the golden files in the test resources)

Each target is described by plain facts (os, arch, libc, interpreter flags). For each one the
script fakes exactly those facts inside packaging (sysconfig platform, glibc/musl version, ELF
ABI checks, config vars) and composes the result the way packaging.tags.sys_tags() does.
"""
import json
import os
import sys
import sysconfig

import packaging
from packaging import _manylinux, _musllinux, tags, utils

TARGETS = []


def t(id, **facts):
    TARGETS.append(dict(id=id, **facts))


# Linux, glibc
for arch in ["x86_64", "aarch64", "ppc64le", "s390x", "riscv64", "loongarch64", "ppc64"]:
    t(f"cp313-glibc2.38-{arch}", os="linux", arch=arch, glibc="2.38", python="3.13")
t("cp313t-glibc2.38-loongarch64", os="linux", arch="loongarch64", glibc="2.38", python="3.13", abiflags="t")
t("cp310-glibc2.36-loongarch64", os="linux", arch="loongarch64", glibc="2.36", python="3.10")
t("cp312-glibc2.17-x86_64", os="linux", arch="x86_64", glibc="2.17", python="3.12")
t("cp312-glibc2.5-x86_64", os="linux", arch="x86_64", glibc="2.5", python="3.12")
t("cp311-glibc2.31-i686", os="linux", arch="i686", glibc="2.31", python="3.11")
t("cp311-glibc2.35-x86_64-userland32", os="linux", arch="x86_64", userland32=True, glibc="2.35", python="3.11")
t("cp312-glibc2.36-armv7l-hf", os="linux", arch="armv7l", armhf=True, glibc="2.36", python="3.12")
t("cp312-glibc2.36-armv7l-sf", os="linux", arch="armv7l", armhf=False, glibc="2.36", python="3.12")
t("cp311-glibc2.36-aarch64-userland32-hf", os="linux", arch="aarch64", userland32=True, armhf=True, glibc="2.36", python="3.11")
t("cp311-glibc2.36-aarch64-userland32-sf", os="linux", arch="aarch64", userland32=True, armhf=False, glibc="2.36", python="3.11")
t("cp313d-glibc2.39-x86_64", os="linux", arch="x86_64", glibc="2.39", python="3.13", abiflags="d")
t("cp313td-glibc2.39-x86_64", os="linux", arch="x86_64", glibc="2.39", python="3.13", abiflags="td")
t("cp314t-glibc2.41-aarch64", os="linux", arch="aarch64", glibc="2.41", python="3.14", abiflags="t")
t("cp314-glibc2.41-x86_64", os="linux", arch="x86_64", glibc="2.41", python="3.14")
t("cp37m-glibc2.28-x86_64", os="linux", arch="x86_64", glibc="2.28", python="3.7", abiflags="m")
t("cp37dm-glibc2.28-x86_64", os="linux", arch="x86_64", glibc="2.28", python="3.7", abiflags="dm")
t("cp38-glibc2.28-x86_64", os="linux", arch="x86_64", glibc="2.28", python="3.8")
t("cp39-glibc2.31-mips64", os="linux", arch="mips64", glibc="2.31", python="3.9")
t("cp27mu-glibc2.17-x86_64", os="linux", arch="x86_64", glibc="2.17", python="2.7", abiflags="mu")
t("cp27m-glibc2.17-x86_64", os="linux", arch="x86_64", glibc="2.17", python="2.7", abiflags="m")
t("cp313-glibc3.1-x86_64", os="linux", arch="x86_64", glibc="3.1", python="3.13")
t("cp312-nolibc-x86_64", os="linux", arch="x86_64", python="3.12")
# Linux, musl
for arch in ["x86_64", "aarch64", "armv7l", "ppc64le", "s390x", "riscv64", "loongarch64", "i686"]:
    t(f"cp312-musl1.2-{arch}", os="linux", arch=arch, musl="1.2", python="3.12")
t("cp313t-musl1.2-x86_64", os="linux", arch="x86_64", musl="1.2", python="3.13", abiflags="t")
t("cp39-musl1.1-x86_64-userland32", os="linux", arch="x86_64", userland32=True, musl="1.1", python="3.9")
t("cp311-musl1.2-aarch64-userland32", os="linux", arch="aarch64", userland32=True, musl="1.2", python="3.11")
# PyPy and GraalPy
t("pp310-glibc2.35-x86_64", os="linux", arch="x86_64", glibc="2.35", python="3.10", implementation="pp",
  ext_suffix=".pypy310-pp73-x86_64-linux-gnu.so")
t("pp39-musl1.2-aarch64", os="linux", arch="aarch64", musl="1.2", python="3.9", implementation="pp",
  ext_suffix=".pypy39-pp73-aarch64-linux-gnu.so")
t("pp311-macos14.0-arm64", os="macos", arch="arm64", macos="14.0", python="3.11", implementation="pp",
  ext_suffix=".pypy311-pp73-darwin.so")
t("graalpy311-glibc2.28-x86_64", os="linux", arch="x86_64", glibc="2.28", python="3.11", implementation="graalpy",
  ext_suffix=".graalpy242-311-native-x86_64-linux.so")
t("graalpy310-macos13.0-x86_64", os="macos", arch="x86_64", macos="13.0", python="3.10", implementation="graalpy",
  ext_suffix=".graalpy-310-native-x86_64-darwin.dylib")
# macOS
for (ver, arch) in [("14.0", "arm64"), ("14.0", "x86_64"), ("11.0", "arm64"), ("10.15", "x86_64"), ("10.9", "x86_64"),
                    ("10.6", "i386"), ("10.5", "ppc"), ("10.5", "ppc64"), ("15.2", "arm64"), ("10.4", "x86_64")]:
    t(f"cp312-macos{ver}-{arch}", os="macos", arch=arch, macos=ver, python="3.12")
t("cp313t-macos15.0-arm64", os="macos", arch="arm64", macos="15.0", python="3.13", abiflags="t")
# Windows
for plat in ["win_amd64", "win32", "win_arm64"]:
    t(f"cp313-{plat}", os="windows", sysconfig_platform=plat.replace("_", "-", 1) if plat != "win32" else "win32", python="3.13")
t("cp313t-win_amd64", os="windows", sysconfig_platform="win-amd64", python="3.13", abiflags="t")
t("cp313d-win_amd64", os="windows", sysconfig_platform="win-amd64", python="3.13", abiflags="d")
# iOS, Android, Emscripten
t("cp313-ios17.2-arm64_iphoneos", os="ios", ios="17.2", multiarch="arm64-iphoneos", python="3.13")
t("cp313-ios13.0-x86_64_iphonesimulator", os="ios", ios="13.0", multiarch="x86_64-iphonesimulator", python="3.13")
t("cp313-ios12.0-arm64_iphoneos", os="ios", ios="12.0", multiarch="arm64-iphoneos", python="3.13")
t("cp313-android24-arm64_v8a", os="android", api=24, android_abi="arm64-v8a", python="3.13")
t("cp314-android21-x86_64", os="android", api=21, android_abi="x86_64", python="3.14")
t("cp312-emscripten-2024", os="emscripten", sysconfig_platform="emscripten-3.1.58-wasm32", pyemscripten="2024_0", python="3.12")
t("cp313-emscripten-none", os="emscripten", sysconfig_platform="emscripten-4.0.9-wasm32", python="3.13")
# Major-only version
t("cp3-glibc2.17-x86_64", os="linux", arch="x86_64", glibc="2.17", python="3")


def version_tuple(text):
    return tuple(int(p) for p in text.split("."))


def platforms_for(target):
    os_ = target["os"]
    if os_ == "linux":
        glibc = target.get("glibc")
        musl = target.get("musl")
        armhf = target.get("armhf", False)
        sysconfig.get_platform = lambda: "linux-" + target["arch"]
        _manylinux._get_glibc_version = lambda: version_tuple(glibc) if glibc else (-1, -1)
        _manylinux._is_linux_armhf = lambda executable: armhf
        _manylinux._is_linux_i686 = lambda executable: True
        _musllinux._get_musl_version = (
            lambda executable: _musllinux._MuslVersion(*version_tuple(musl)) if musl else None)
        return list(tags._linux_platforms(is_32bit=target.get("userland32", False)))
    if os_ == "macos":
        return list(tags.mac_platforms(version_tuple(target["macos"])[:2], target["arch"]))
    if os_ == "ios":
        return list(tags.ios_platforms(version_tuple(target["ios"])[:2], target["multiarch"]))
    if os_ == "android":
        return list(tags.android_platforms(target["api"], target["android_abi"]))
    if os_ == "windows":
        sysconfig.get_platform = lambda: target["sysconfig_platform"]
        return list(tags._generic_platforms())
    if os_ == "emscripten":
        sysconfig.get_platform = lambda: target["sysconfig_platform"]
        real = sysconfig.get_config_var
        sysconfig.get_config_var = lambda name: (
            target.get("pyemscripten") if name == "PYEMSCRIPTEN_PLATFORM_VERSION" else real(name))
        try:
            return list(tags._emscripten_platforms())
        finally:
            sysconfig.get_config_var = real
    raise ValueError(os_)


def tags_for(target):
    real_platform = sysconfig.get_platform
    real_config = tags._get_config_var
    try:
        platforms = platforms_for(target)
        version = version_tuple(target["python"])
        flags = target.get("abiflags", "")
        impl = target.get("implementation", "cp")
        config = {
            "Py_DEBUG": 1 if "d" in flags else 0,
            "Py_GIL_DISABLED": 1 if "t" in flags else 0,
            "WITH_PYMALLOC": 1 if "m" in flags else 0,
            "Py_UNICODE_SIZE": 4 if "u" in flags else 2,
            "EXT_SUFFIX": target.get("ext_suffix"),
            "py_version_nodot": "".join(map(str, version)),
        }
        tags._get_config_var = lambda name, warn=False: config.get(name)
        nodot = "".join(map(str, version))
        if impl == "cp":
            abis = tags._cpython_abis(version) if len(version) > 1 else []
            out = list(tags.cpython_tags(version, abis, platforms))
            out += list(tags.compatible_tags(version, "cp" + nodot, platforms))
        else:
            abis = tags._generic_abi()
            out = list(tags.generic_tags(impl + nodot, abis, platforms))
            out += list(tags.compatible_tags(version, "pp3" if impl == "pp" else None, platforms))
        return platforms, [str(tag) for tag in out]
    finally:
        sysconfig.get_platform = real_platform
        tags._get_config_var = real_config


def parse_wheel(name):
    result = {"filename": name}
    try:
        n, v, b, ts = utils.parse_wheel_filename(name)
        result.update(valid=True, name=n, version=str(v), build=list(b) if b else None,
                      tags=sorted(str(x) for x in ts))
    except Exception as e:  # InvalidWheelFilename, or ValueError from int() limits
        result.update(valid=False, error=type(e).__name__)
    try:
        utils.parse_wheel_filename(name, validate_order=True)
        result["valid_ordered"] = True
    except Exception:
        result["valid_ordered"] = False
    return result


def parse_sdist(name):
    try:
        n, v = utils.parse_sdist_filename(name)
        return {"filename": name, "valid": True, "name": n, "version": str(v)}
    except Exception as e:
        return {"filename": name, "valid": False, "error": type(e).__name__}


def main():
    out_dir = sys.argv[1]
    inputs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                          "core", "src", "test", "resources", "dev", "wheelsh", "core", "tags")
    header = {"packaging": packaging.__version__}
    golden = []
    for target in TARGETS:
        platforms, result = tags_for(target)
        golden.append({"target": target, "platforms": platforms, "tags": result})
    write(out_dir, "tags.golden.json", dict(header, targets=golden))
    with open(os.path.join(inputs, "wheel-filenames.json"), encoding="utf-8") as f:
        wheels = json.load(f)
    write(out_dir, "wheel-filenames.golden.json", dict(header, filenames=[parse_wheel(n) for n in wheels]))
    with open(os.path.join(inputs, "sdist-filenames.json"), encoding="utf-8") as f:
        sdists = json.load(f)
    write(out_dir, "sdist-filenames.golden.json", dict(header, filenames=[parse_sdist(n) for n in sdists]))


def write(out_dir, name, data):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
