#!/usr/bin/env bash
# Debian 12's packages of the system libraries wheels most often take from the system (libssl3,
# libyaml-0-2, libffi8, ...) and packages of real Python extension modules that need them
# (python3-yaml's _yaml needs libyaml-0.so.2, python3-cryptography's _openssl needs libssl.so.3 and
# libcrypto.so.3, libpython3.11-stdlib's _ctypes libffi.so.8 and _dbm libdb-5.3.so), into .corpus/debian-libs/: the .debs (their shlibs files are the
# source of the soname -> Debian package table, scripts/facts/generate_debian_sonames.py) and each
# one unpacked beside them. Uses the private apt state of 10-debian-elf.sh, so the machine's own
# apt configuration is left as it was.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v apt-get >/dev/null || { echo "60-debian-system-libs: apt-get not found; skipping"; exit 0; }
command -v dpkg-deb >/dev/null || { echo "60-debian-system-libs: dpkg-deb not found; skipping"; exit 0; }

ARCHES=${WHEELSH_LIB_ARCHES:-"amd64 arm64"}
# The libraries: what the corpus wheels and common scientific, crypto and imaging wheels link.
LIBS="libssl3 libyaml-0-2 libffi8 libgomp1 libgfortran5 libquadmath0 libatomic1 libblas3 liblapack3
  libopenblas0-pthread libxml2 libxslt1.1 libexpat1 libjpeg62-turbo libpng16-16 libtiff6 libwebp7
  libfreetype6 libbz2-1.0 liblzma5 libzstd1 liblz4-1 libsnappy1v5 libbrotli1 libsqlite3-0 libpq5
  libcurl4 libgmp10 libmpfr6 libuuid1 libcrypt1 libncursesw6 libtinfo6 libreadline8 libglib2.0-0
  libx11-6 libgl1 libgeos-c1v5 libhdf5-103-1 libsodium23 libgcrypt20 libgpg-error0 libcap2 libudev1"
PY_EXTENSIONS="python3-yaml python3-cryptography libpython3.11-stdlib"

root=$PWD/.corpus
apt=$root/apt
dest=$root/debian-libs
mkdir -p "$apt/state/lists/partial" "$apt/cache/archives/partial" "$dest"
[ -e "$apt/state/status" ] || : > "$apt/state/status"
opts=(-q -o "Dir::State=$apt/state" -o "Dir::State::status=$apt/state/status"
      -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
for a in $ARCHES; do opts+=(-o "APT::Architectures::=$a"); done
apt-get "${opts[@]}" update >/dev/null 2>&1 \
  || echo "60-debian-system-libs: apt-get update reported errors; downloading what the indexes that did load offer"

cd "$dest"
wanted=()
for a in $ARCHES; do for p in $LIBS $PY_EXTENSIONS; do wanted+=("$p:$a"); done; done
mapfile -t found < <(apt-cache "${opts[@]}" show "${wanted[@]}" 2>/dev/null \
  | awk '/^Package:/{p=$2} /^Architecture:/{print p ":" $2}' | sort -u)
for w in "${wanted[@]}"; do
  printf '%s\n' "${found[@]}" | grep -qxF "$w" || echo "60-debian-system-libs: $w is not in this machine's apt sources; skipped"
done
for w in "${found[@]}"; do
  ls "${w%%:*}"_*_"${w##*:}".deb >/dev/null 2>&1 && continue
  apt-get "${opts[@]}" download "$w" >/dev/null 2>&1 || echo "60-debian-system-libs: could not download $w; skipped"
done
for deb in *.deb; do
  [ -e "$deb" ] || continue
  [ -d "${deb%.deb}" ] && continue
  mkdir -p "${deb%.deb}"
  dpkg-deb -x "$deb" "${deb%.deb}"
done
echo "60-debian-system-libs: $(ls ./*.deb 2>/dev/null | wc -l) packages under .corpus/debian-libs"
