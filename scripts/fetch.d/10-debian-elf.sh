#!/usr/bin/env bash
# ELF libraries of many architectures, from Debian packages, into .corpus/elf/<arch>/.
# Uses a private apt state under .corpus/apt so the machine's own apt and dpkg configuration
# (its list of foreign architectures) is left as it was; only the system's sources are read.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v apt-get >/dev/null || { echo "10-debian-elf: apt-get not found; skipping"; exit 0; }
command -v dpkg-deb >/dev/null || { echo "10-debian-elf: dpkg-deb not found; skipping"; exit 0; }

ARCHES=${WHEELSH_ELF_ARCHES:-"amd64 i386 arm64 armhf armel ppc64el s390x mips64el mipsel riscv64"}
PACKAGES="libc6 libstdc++6 libgcc-s1 zlib1g"
# musl: its loader and C library (itself a musl-linked shared object).
MUSL_ARCHES="amd64 arm64"

root=$PWD/.corpus
apt=$root/apt
mkdir -p "$apt/state/lists/partial" "$apt/cache/archives/partial" "$root/debs" "$root/elf"
: > "$apt/state/status"
opts=(-q -o "Dir::State=$apt/state" -o "Dir::State::status=$apt/state/status"
      -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
for a in $ARCHES; do opts+=(-o "APT::Architectures::=$a"); done

# A mirror in mid-sync can fail one index; what did download is still usable.
apt-get "${opts[@]}" update >/dev/null 2>&1 \
  || echo "10-debian-elf: apt-get update reported errors; downloading what the indexes that did load offer"

cd "$root/debs"
# One apt-cache call finds which of the wanted package:arch pairs these sources have (riscv64,
# for one, is only in Debian 13 and later); one apt-get call downloads them all.
wanted=()
for a in $ARCHES; do for p in $PACKAGES; do wanted+=("$p:$a"); done; done
for a in $MUSL_ARCHES; do wanted+=("musl:$a"); done
mapfile -t found < <(apt-cache "${opts[@]}" show "${wanted[@]}" 2>/dev/null \
  | awk '/^Package:/{p=$2} /^Architecture:/{print p ":" $2}' | sort -u)
for w in "${wanted[@]}"; do
  printf '%s\n' "${found[@]}" | grep -qxF "$w" || echo "10-debian-elf: $w is not in this machine's apt sources; skipped"
done
if [ ${#found[@]} -gt 0 ] && ! apt-get "${opts[@]}" download "${found[@]}" >/dev/null 2>&1; then
  # One bad download fails the batch: fetch one by one and keep what works.
  for w in "${found[@]}"; do
    apt-get "${opts[@]}" download "$w" >/dev/null 2>&1 || echo "10-debian-elf: could not download $w; skipped"
  done
fi

for deb in *.deb; do
  [ -e "$deb" ] || continue
  arch=${deb%.deb}; arch=${arch##*_}
  name=${deb%%_*}
  dest=$root/elf/$arch/$name
  [ -d "$dest" ] && continue
  mkdir -p "$dest"
  dpkg-deb -x "$deb" "$dest"
done
count=$(find "$root/elf" -type f -name '*.so*' | wc -l)
echo "10-debian-elf: $(ls "$root/elf" | wc -l) architectures, $count shared objects under .corpus/elf"
