#!/usr/bin/env bash
# Mach-O and PE/COFF files for the macOS and Windows readers, into .corpus/macho-pe/<source>/:
# the darwin and windows libraries inside Maven jars (JNA, sqlite-jdbc, zstd-jni; the jars are
# fetched by 30-maven-native.sh and fetched again here when it did not run), and the darwin and
# win32 builds of npm packages (rollup's native addons, esbuild's executables), and the iOS device
# and simulator builds of Node.js for mobile (nodejs-mobile-react-native's NodeMobile frameworks:
# an arm64 iphoneos library and an arm64 + x86_64 iphonesimulator one, both minos 13.0).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD/.corpus/macho-pe
mkdir -p "$root" .corpus/maven/jars

ARTIFACTS="
net.java.dev.jna:jna:5.17.0
com.github.luben:zstd-jni:1.5.7-2
org.xerial:sqlite-jdbc:3.49.1.0
"
for gav in $ARTIFACTS; do
  IFS=: read -r _ artifact version <<<"$gav"
  jar=.corpus/maven/jars/$artifact-$version.jar
  if [ ! -e "$jar" ]; then
    ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$gav" -DoutputDirectory=.corpus/maven/jars >/dev/null \
      || { echo "50-macho-pe: could not fetch $gav; skipped"; continue; }
  fi
  dest=$root/$artifact-$version
  [ -d "$dest" ] && continue
  mkdir -p "$dest"
  if command -v unzip >/dev/null; then
    unzip -q -o "$jar" '*.dylib' '*.jnilib' '*.dll' -d "$dest" || true
  else
    (cd "$dest" && jar xf "$PWD/../../maven/jars/$artifact-$version.jar")
    find "$dest" -type f ! \( -name '*.dylib' -o -name '*.jnilib' -o -name '*.dll' \) -delete
  fi
done

if command -v npm >/dev/null; then
  PACKAGES="
@rollup/rollup-darwin-arm64@4.67.4
@rollup/rollup-darwin-x64@4.67.4
@rollup/rollup-win32-x64-msvc@4.67.4
@rollup/rollup-win32-arm64-msvc@4.67.4
@rollup/rollup-win32-ia32-msvc@4.67.4
@esbuild/darwin-arm64@0.28.2
@esbuild/darwin-x64@0.28.2
@esbuild/win32-x64@0.28.2
@esbuild/win32-arm64@0.28.2
@esbuild/win32-ia32@0.28.2
"
  mkdir -p "$root/tgz"
  for spec in $PACKAGES; do
    pkg=${spec%@*}
    dir=$root/${pkg//\//_}
    [ -d "$dir" ] && continue
    tgz=$(cd "$root/tgz" && npm pack --silent "$spec" 2>/dev/null | tail -n1) \
      || { echo "50-macho-pe: npm pack $spec failed; skipped"; continue; }
    mkdir -p "$dir"
    tar -xzf "$root/tgz/$tgz" -C "$dir"
  done
  # The package is 100 MB, almost all of it the two frameworks; only they are kept.
  ios=$root/nodejs-mobile-react-native
  if [ ! -d "$ios" ]; then
    if tgz=$(cd "$root/tgz" && npm pack --silent nodejs-mobile-react-native@18.20.4 2>/dev/null | tail -n1); then
      mkdir -p "$ios"
      tar -xzf "$root/tgz/$tgz" -C "$ios" --wildcards 'package/ios/NodeMobile.xcframework/*/NodeMobile.framework/NodeMobile' \
        || { echo "50-macho-pe: the NodeMobile frameworks are not in $tgz; skipped"; rm -rf "$ios"; }
      rm -f "$root/tgz/$tgz"
    else
      echo "50-macho-pe: npm pack nodejs-mobile-react-native@18.20.4 failed; skipped"
    fi
  fi
else
  echo "50-macho-pe: npm not found; the npm packages are skipped"
fi
count=$(find "$root" -type f \( -name '*.dylib' -o -name '*.jnilib' -o -name '*.dll' -o -name '*.node' -o -name 'esbuild' -o -name 'esbuild.exe' -o -name NodeMobile \) | wc -l)
echo "50-macho-pe: $count Mach-O and PE files under .corpus/macho-pe"
