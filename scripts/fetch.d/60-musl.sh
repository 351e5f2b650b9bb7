#!/usr/bin/env bash
# musl's C library of every release this machine can get, into .corpus/musl/libc/<release>/<arch>/libc.so
# (arch in Python's spelling: x86_64, aarch64, i686, armv7l), each release with a SOURCE file saying where it came from:
#  - Debian's musl packages of every suite deb.debian.org carries (bullseye 1.2.2, bookworm 1.2.3,
#    trixie 1.2.5, sid 1.2.6 when this was written), for amd64, arm64, i386 and armhf; older Debian
#    releases (buster's 1.1.21, stretch's 1.1.16) are tried once on archive.debian.org;
#  - the releases no Debian suite carries that the symbol table needs to be exact (1.1.24, the last
#    1.1 release and musllinux_1_1's reference; 1.2.0, 1.2.1, 1.2.4), built from musl's git at their
#    release tags for x86_64 and i386 with this machine's gcc (i386 with Debian's lib32gcc-12-dev).
#    The git comes from WHEELSH_MUSL_GIT (a clone of git://git.musl-libc.org/musl or a mirror of it)
#    or is cloned once from git.musl-libc.org; without either these builds are skipped;
#  - a 32-bit program and shared object that call clock_gettime, linked against Debian's i386
#    musl-dev 1.2.3, into .corpus/musl/time64/: built against musl 1.2, they import __clock_gettime64.
# Uses a private apt state under .corpus/musl/apt (its own sources list), so the machine's apt and
# dpkg configuration are left as they were.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v apt-get >/dev/null || { echo "60-musl: apt-get not found; skipping"; exit 0; }
command -v dpkg-deb >/dev/null || { echo "60-musl: dpkg-deb not found; skipping"; exit 0; }

root=$PWD/.corpus/musl
apt=$root/apt
mkdir -p "$apt/state/lists/partial" "$apt/cache/archives/partial" "$apt/etc/sources.list.d" \
         "$apt/etc/preferences.d" "$root/debs" "$root/libc" "$root/time64"
: > "$apt/state/status"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
signed=""
[ -e "$keyring" ] && signed="[signed-by=$keyring] "
: > "$apt/etc/sources.list"
for suite in bullseye bookworm trixie sid; do
  echo "deb ${signed}http://deb.debian.org/debian $suite main" >> "$apt/etc/sources.list"
done
opts=(-q -o "Dir::State=$apt/state" -o "Dir::State::status=$apt/state/status" -o "Dir::Cache=$apt/cache"
      -o "Dir::Etc::SourceList=$apt/etc/sources.list" -o "Dir::Etc::SourceParts=$apt/etc/sources.list.d"
      -o "Dir::Etc::Preferences=$apt/etc/preferences" -o "Dir::Etc::PreferencesParts=$apt/etc/preferences.d"
      -o Debug::NoLocking=1 -o APT::Sandbox::User=root)
DEB_ARCHES="amd64 arm64 i386 armhf"
for a in $DEB_ARCHES; do opts+=(-o "APT::Architectures::=$a"); done

python_arch() {
  case $1 in amd64) echo x86_64 ;; arm64) echo aarch64 ;; i386) echo i686 ;; armhf) echo armv7l ;; esac
}

# Unpacks one musl .deb into libc/<upstream release>/<arch>/libc.so.
unpack() {
  local deb=$1 base version release arch dest tmp
  base=$(basename "$deb" .deb)
  version=${base#musl_}; version=${version%_*}; version=${version//%3a/:}
  release=${version#*:}; release=${release%%-*}
  arch=$(python_arch "${base##*_}")
  dest=$root/libc/$release/$arch
  [ -f "$dest/libc.so" ] && return 0
  tmp=$(mktemp -d)
  dpkg-deb -x "$deb" "$tmp"
  mkdir -p "$dest"
  cp "$(find "$tmp" -path '*-linux-musl*/libc.so' -type f | head -n1)" "$dest/libc.so"
  rm -rf "$tmp"
  echo "Debian package $(basename "$deb")" >> "$root/libc/$release/SOURCE"
}

if apt-get "${opts[@]}" update >/dev/null 2>&1 || [ -n "$(ls "$apt/state/lists" 2>/dev/null | grep Packages)" ]; then
  # One apt-cache call lists every version of every architecture ("musl:i386 | 1.2.3-1 | ... i386 Packages").
  wanted=()
  mapfile -t wanted < <(apt-cache "${opts[@]}" madison $(printf 'musl:%s ' $DEB_ARCHES) 2>/dev/null \
    | awk -F'|' '{gsub(/ /,"",$1); gsub(/ /,"",$2); split($3,w," "); a=w[length(w)-1]; sub(/:.*/,"",$1); print $1 ":" a "=" $2}' | sort -u)
  # For the 32-bit time64 program: i386 headers and start files (musl-dev 1.2.3); for the i386
  # builds from source: gcc 12's 32-bit libgcc.
  wanted+=("musl-dev:i386=1.2.3-1" "lib32gcc-12-dev:amd64")
  (cd "$root/debs" && apt-get "${opts[@]}" download "${wanted[@]}" >/dev/null 2>&1) || {
    for w in "${wanted[@]}"; do
      (cd "$root/debs" && apt-get "${opts[@]}" download "$w" >/dev/null 2>&1) || echo "60-musl: could not download $w; skipped"
    done
  }
else
  echo "60-musl: apt-get update failed; using the packages already under .corpus/musl/debs"
fi

# Debian releases no suite carries any longer: archive.debian.org, tried once each.
for old in 1.1.21-2 1.1.16-1; do
  for a in amd64 i386; do
    f=musl_${old}_$a.deb
    [ -e "$root/debs/$f" ] && continue
    curl -fsS --max-time 20 -o "$root/debs/$f.part" "http://archive.debian.org/debian/pool/main/m/musl/$f" 2>/dev/null \
      && mv "$root/debs/$f.part" "$root/debs/$f" \
      || { rm -f "$root/debs/$f.part"; echo "60-musl: archive.debian.org did not give $f; skipped"; break; }
  done
done

for deb in "$root"/debs/musl_*.deb; do
  [ -e "$deb" ] && unpack "$deb"
done

# Releases built from musl's own source at their tags.
BUILT="1.1.24 1.2.0 1.2.1 1.2.4"
git=${WHEELSH_MUSL_GIT:-}
if [ -z "$git" ] && [ ! -d "$root/musl.git" ]; then
  timeout 120 git clone -q --bare https://git.musl-libc.org/git/musl "$root/musl.git" 2>/dev/null \
    || { rm -rf "$root/musl.git"; echo "60-musl: git.musl-libc.org is not reachable and WHEELSH_MUSL_GIT is not set; releases $BUILT are not built"; }
fi
[ -z "$git" ] && [ -d "$root/musl.git" ] && git=$root/musl.git
libgcc32=""
deb32=$(ls "$root"/debs/lib32gcc-12-dev_*.deb 2>/dev/null | head -n1 || true)
if [ -n "$deb32" ]; then
  mkdir -p "$root/lib32gcc"
  [ -n "$(find "$root/lib32gcc" -name libgcc.a)" ] || dpkg-deb -x "$deb32" "$root/lib32gcc"
  libgcc32=$(find "$root/lib32gcc" -path '*/32/libgcc.a' | head -n1)
fi
if [ -n "$git" ] && command -v gcc >/dev/null && [ "$(uname -m)" = x86_64 ]; then
  for release in $BUILT; do
    for arch in x86_64 i686; do
      dest=$root/libc/$release/$arch
      [ -f "$dest/libc.so" ] && continue
      commit=$(git --git-dir="$git" rev-parse "v$release^{commit}" 2>/dev/null) || { echo "60-musl: no tag v$release in $git; skipped"; continue; }
      if [ "$arch" = i686 ] && [ -z "$libgcc32" ]; then
        echo "60-musl: no 32-bit libgcc (lib32gcc-12-dev); musl $release for i686 is not built"; continue
      fi
      src=$(mktemp -d)
      git --git-dir="$git" archive "$commit" | tar -x -C "$src"
      if [ "$arch" = x86_64 ]; then
        conf=(CC=gcc ./configure --target=x86_64 --disable-static)
      else
        conf=(CC="gcc -m32" LIBCC="$libgcc32" ./configure --target=i386 --disable-static)
      fi
      if (cd "$src" && env "${conf[@]}" >/dev/null 2>&1 && make -j"$(nproc)" lib/libc.so >/dev/null 2>&1); then
        mkdir -p "$dest"
        cp "$src/lib/libc.so" "$dest/libc.so"
        echo "built for $arch from musl's git, tag v$release, commit $commit, with $(gcc --version | head -n1)" >> "$root/libc/$release/SOURCE"
      else
        echo "60-musl: building musl $release for $arch failed; skipped"
      fi
      rm -rf "$src"
    done
  done
fi

# A 32-bit program built against musl 1.2: clock_gettime in its headers is the time64 one.
dev=$(ls "$root"/debs/musl-dev_*_i386.deb 2>/dev/null | head -n1 || true)
if [ -n "$dev" ] && command -v gcc >/dev/null && command -v ld >/dev/null && [ ! -f "$root/time64/clock64.so" ]; then
  sysroot=$root/time64/sysroot
  mkdir -p "$sysroot"
  dpkg-deb -x "$dev" "$sysroot"
  inc=$(find "$sysroot" -type d -path '*/include/i386-linux-musl' | head -n1)
  lib=$(find "$sysroot" -type d -path '*/lib/i386-linux-musl' | head -n1)
  cat > "$root/time64/clock64.c" <<'EOF'
#include <time.h>
long long wheelsh_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long) ts.tv_sec;
}
EOF
  printf 'long long wheelsh_now(void);\nint main(void) { return wheelsh_now() > 0 ? 0 : 1; }\n' > "$root/time64/main.c"
  cflags=(-m32 -O2 -fPIC -nostdinc -isystem "$inc" -fno-stack-protector)
  # Link against the C library of the same release's musl package (musl-dev's libc.so is a link to
  # it that only resolves on an installed system); it has no soname, so the objects need plain libc.so.
  mkdir -p "$root/time64/lib"
  ln -sf "$root/libc/1.2.3/i686/libc.so" "$root/time64/lib/libc.so"
  if [ -f "$root/libc/1.2.3/i686/libc.so" ] \
     && gcc "${cflags[@]}" -c "$root/time64/clock64.c" -o "$root/time64/clock64.o" \
     && gcc "${cflags[@]}" -c "$root/time64/main.c" -o "$root/time64/main.o" \
     && ld -m elf_i386 -shared -o "$root/time64/clock64.so" "$root/time64/clock64.o" -L"$root/time64/lib" -lc \
     && ld -m elf_i386 -dynamic-linker /lib/ld-musl-i386.so.1 -o "$root/time64/clock64" \
          "$lib/crt1.o" "$lib/crti.o" "$root/time64/main.o" "$root/time64/clock64.o" -L"$root/time64/lib" -lc "$lib/crtn.o"; then
    echo "built with $(gcc --version | head -n1) against $(basename "$dev")" > "$root/time64/SOURCE"
  else
    rm -f "$root/time64/clock64.so" "$root/time64/clock64"
    echo "60-musl: could not build the 32-bit time64 program; skipped"
  fi
fi

echo "60-musl: $(find "$root/libc" -name libc.so | wc -l) musl C libraries ($(ls "$root/libc" | sort -V | tr '\n' ' ')) under .corpus/musl/libc"
