#!/usr/bin/env bash
# Native libraries inside Maven jars (JNA, zstd-jni, sqlite-jdbc ship linux builds for many
# architectures, loongarch64 among them), fetched through the Maven wrapper and unpacked into
# .corpus/maven/<artifact>/ (only the shared objects).
set -euo pipefail
cd "$(dirname "$0")/../.."

# JNA 5.12.1's loongarch64 library was built in 2022 against a pre-release new-world glibc
# (it needs GLIBC_2.35, which no released glibc defines on LoongArch): a real hard case.
ARTIFACTS="
net.java.dev.jna:jna:5.17.0
net.java.dev.jna:jna:5.12.1
com.github.luben:zstd-jni:1.5.7-2
org.xerial:sqlite-jdbc:3.49.1.0
"
root=$PWD/.corpus/maven
mkdir -p "$root/jars"
for gav in $ARTIFACTS; do
  ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$gav" -DoutputDirectory="$root/jars" >/dev/null \
    || echo "30-maven-native: could not fetch $gav; skipped"
done
for jar in "$root"/jars/*.jar; do
  [ -e "$jar" ] || continue
  base=$(basename "$jar" .jar)
  dest=$root/$base
  [ -d "$dest" ] && continue
  mkdir -p "$dest"
  if command -v unzip >/dev/null; then
    unzip -q -o "$jar" '*.so' -d "$dest" || true
  else
    (cd "$dest" && jar xf "$jar")
    find "$dest" -type f ! -name '*.so' -delete
  fi
done
count=$(find "$root" -type f -name '*.so' | wc -l)
echo "30-maven-native: $count shared objects under .corpus/maven"
