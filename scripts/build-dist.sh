#!/bin/sh
# Builds the release files in dist/:
#   wheelsh-VERSION.tar.gz             bin/wheelsh (the launcher), lib/wheelsh.jar, man pages,
#                                      bash, zsh and fish completion
#   wheelsh-PYVERSION-py3-none-any.whl the jar with a `wheelsh` console script (pipx, uv, pip)
#   wheelsh-EXTVERSION.vsix            the VS Code extension with the server bundled (needs npm)
# Needs a JDK 17+ and python3. --no-vsix leaves the extension out (it needs npm and the registry).
# Maven options go in MAVEN_ARGS (MAVEN_ARGS=-o builds offline).
# Man pages and completion scripts are generated from the command model at build time.
set -eu
vsix=yes
[ "${1:-}" = "--no-vsix" ] && vsix=no
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -B -q -pl shell -am package -DskipTests
jar=shell/target/wheelsh.jar
version=$(java -jar "$jar" version | sed -n 's/^wheelsh //p')
[ -n "$version" ] || { echo "build-dist.sh: $jar printed no version" >&2; exit 2; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
top="$stage/wheelsh-$version"
share="$top/share"
mkdir -p "$top/bin" "$top/lib" "$share/man/man1" "$share/bash-completion/completions" \
  "$share/zsh" "$share/fish/vendor_completions.d"
cp wheelsh "$top/bin/wheelsh"
chmod 755 "$top/bin/wheelsh"
cp "$jar" "$top/lib/wheelsh.jar"
cp README.md "$top/README.md"
java -cp "$jar" dev.wheelsh.shell.ManPages "$share/man/man1"
java -jar "$jar" completion bash > "$share/bash-completion/completions/wheelsh"
# zsh runs the bash completion through bashcompinit: a file to source from ~/.zshrc
java -jar "$jar" completion zsh > "$share/zsh/wheelsh.zsh"
java -jar "$jar" completion fish > "$share/fish/vendor_completions.d/wheelsh.fish"

mkdir -p dist
rm -f dist/wheelsh-*.tar.gz dist/wheelsh-*.whl
# A fixed owner and order, so the archive lists the same way wherever it is built.
(cd "$stage" && find "wheelsh-$version" -print | LC_ALL=C sort > "$stage/files" \
  && tar -cf - --no-recursion --owner=0 --group=0 --numeric-owner -T "$stage/files") | gzip -n -9 > "dist/wheelsh-$version.tar.gz"
echo "dist/wheelsh-$version.tar.gz"
python3 scripts/dist/build_wheel.py --version "$version" --jar "$jar" --share "$share" --out dist

if [ $vsix = no ]; then
  :
elif command -v npm >/dev/null 2>&1; then
  sh scripts/build-vsix.sh
  ls dist/*.vsix
else
  echo "build-dist.sh: npm not found, so no .vsix (scripts/build-vsix.sh builds it where npm is)" >&2
fi
