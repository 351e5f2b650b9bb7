#!/usr/bin/env bash
# Native libraries shipped inside npm packages, into .corpus/npm/<package>/: loongarch64 ones
# (glibc and musl builds, and an older package built for the pre-2.40 toolchains), musl-linked ones,
# riscv64 and others, Android (NDK, bionic) builds, plus statically linked Go executables (esbuild) for variety.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v npm >/dev/null || { echo "20-npm-native: npm not found; skipping"; exit 0; }

PACKAGES="
@rollup/rollup-linux-loong64-gnu@4.67.4
@rollup/rollup-linux-loong64-musl@4.67.4
@rollup/rollup-linux-loongarch64-gnu@4.50.1
@rollup/rollup-linux-x64-musl@4.68.2
@rollup/rollup-linux-arm64-musl@4.68.2
@rollup/rollup-linux-arm-gnueabihf@4.67.4
@rollup/rollup-linux-arm-musleabihf@4.67.4
@rollup/rollup-linux-riscv64-gnu@4.67.4
@rollup/rollup-linux-riscv64-musl@4.67.4
@rollup/rollup-linux-ppc64-gnu@4.67.4
@rollup/rollup-linux-powerpc64le-gnu@4.45.1
@rollup/rollup-linux-s390x-gnu@4.67.4
@esbuild/linux-loong64@0.28.2
@esbuild/linux-mips64el@0.28.2
@rollup/rollup-android-arm64@4.68.9
@rollup/rollup-android-arm-eabi@4.68.9
"
root=$PWD/.corpus/npm
mkdir -p "$root/tgz"
for spec in $PACKAGES; do
  pkg=${spec%@*}
  dir=$root/${pkg//\//_}
  [ -d "$dir" ] && continue
  tgz=$(cd "$root/tgz" && npm pack --silent "$spec" 2>/dev/null | tail -n1) \
    || { echo "20-npm-native: npm pack $spec failed; skipped"; continue; }
  mkdir -p "$dir"
  tar -xzf "$root/tgz/$tgz" -C "$dir"
done
count=$(find "$root" -type f \( -name '*.node' -o -name 'esbuild' \) | wc -l)
echo "20-npm-native: $count native files under .corpus/npm"
