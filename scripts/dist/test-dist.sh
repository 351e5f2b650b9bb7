#!/usr/bin/env bash
# Tests the release files in dist/ as a user meets them: the Python wheel installed with pip into
# a fresh virtual environment (and with pipx where it is installed), the tarball unpacked, each
# running `wheelsh version`, `wheelsh explain ...` and `wheelsh lsp` (an initialize round trip);
# the man pages rendered with groff's warnings on; the completion scripts parsed by their shells;
# `wheelsh show` on the project's own wheel. Builds dist/ first (scripts/build-dist.sh) unless
# WHEELSH_DIST_BUILT=1. Exits 1 at the first failure, saying which.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "${WHEELSH_DIST_BUILT:-0}" = 1 ] || sh scripts/build-dist.sh
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
fail() { echo "test-dist: FAIL: $*" >&2; exit 1; }
pass() { echo "test-dist: ok: $*"; }

shopt -s nullglob
wheels=(dist/wheelsh-*-py3-none-any.whl); tars=(dist/wheelsh-*.tar.gz)
[ ${#wheels[@]} = 1 ] || fail "expected one wheel in dist/, found ${#wheels[@]}"
[ ${#tars[@]} = 1 ] || fail "expected one tarball in dist/, found ${#tars[@]}"
wheel=${wheels[0]}; tarball=${tars[0]}
version=$(java -jar shell/target/wheelsh.jar version)
name=numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl

# What every installed wheelsh must do: $1 names the install, the rest is the command.
exercise() {
  local how=$1; shift
  local out
  out=$("$@" version) || fail "$how: wheelsh version exited $?"
  [ "$out" = "$version" ] || fail "$how: wheelsh version printed '$out', not '$version'"
  set +e
  out=$("$@" explain "$name" --target cp313-glibc2.38-x86_64); local status=$?
  set -e
  [ $status = 0 ] || fail "$how: explain exited $status"
  grep -q '^verdict: installable' <<<"$out" || fail "$how: explain said no verdict 'installable':"$'\n'"$out"
  out=$("$python" scripts/dist/lsp_roundtrip.py "$@" lsp) || fail "$how: wheelsh lsp: no initialize round trip"
  [ "$out" = "$version" ] || fail "$how: the server calls itself '$out', not '$version'"
  pass "$how: version, explain and an lsp initialize round trip"
}

# The wheel, with pip, in a fresh virtual environment, offline: it needs nothing from an index.
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --no-index --disable-pip-version-check "$wheel" \
  || fail "pip could not install $wheel"
exercise "pip install $(basename "$wheel")" "$work/venv/bin/wheelsh"
exercise "python -m wheelsh" "$work/venv/bin/python" -m wheelsh
[ -f "$work/venv/share/man/man1/wheelsh.1" ] || fail "the wheel put no man page in the environment's share/man/man1"

# Java found as the extension finds it, and a clear line (exit 2) when there is none or it is old.
mkdir -p "$work/oldjava/bin"
printf '#!/bin/sh\necho '\''openjdk version "11.0.22" 2024-01-16'\'' >&2\n' > "$work/oldjava/bin/java"
chmod 755 "$work/oldjava/bin/java"
# A PATH with the tools a launcher uses and no java on it.
mkdir -p "$work/nojava"
for tool in sh dirname readlink stat cksum cut cat sed awk head mkdir rm mv find; do
  ln -s "$(command -v "$tool")" "$work/nojava/$tool"
done
check_java_rules() {
  local how=$1 cmd=$2 out status
  set +e
  out=$(env -u JAVA_HOME -u WHEELSH_JAVA PATH="$work/nojava" "$cmd" version 2>&1); status=$?
  set -e
  [ $status = 2 ] && [ "$(wc -l <<<"$out")" = 1 ] && grep -q 'no Java found' <<<"$out" \
    || fail "$how without Java: exit $status, '$out'"
  set +e
  out=$(env -u WHEELSH_JAVA JAVA_HOME="$work/oldjava" XDG_CACHE_HOME="$work/cache-old" "$cmd" version 2>&1); status=$?
  set -e
  [ $status = 2 ] && grep -q 'is Java 11; wheelsh needs Java 17 or newer' <<<"$out" \
    || fail "$how with Java 11 in JAVA_HOME: exit $status, '$out'"
  set +e
  out=$(WHEELSH_JAVA="$work/nowhere/java" "$cmd" version 2>&1); status=$?
  set -e
  [ $status = 2 ] && grep -q 'named by WHEELSH_JAVA' <<<"$out" || fail "$how with a missing WHEELSH_JAVA: exit $status, '$out'"
  pass "$how: no Java, Java 11 and a wrong WHEELSH_JAVA each get one line and exit 2"
}
check_java_rules "the wheel's console script" "$work/venv/bin/wheelsh"

# pipx, where it is installed: its own environment, the command linked into its bin directory.
if command -v pipx >/dev/null 2>&1; then
  PIPX_HOME="$work/pipx" PIPX_BIN_DIR="$work/pipx-bin" pipx install --pip-args=--no-index "$wheel" >"$work/pipx.log" 2>&1 \
    || fail "pipx could not install $wheel: $(cat "$work/pipx.log")"
  exercise "pipx install" "$work/pipx-bin/wheelsh"
else
  echo "test-dist: skipped: pipx is not installed here"
fi

# The tarball: unpacked anywhere, bin/wheelsh runs lib/wheelsh.jar.
mkdir -p "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
top=$(echo "$work"/unpacked/wheelsh-*)
for f in bin/wheelsh lib/wheelsh.jar share/man/man1/wheelsh.1 share/man/man1/wheelsh-tags.1 \
    share/bash-completion/completions/wheelsh share/zsh/wheelsh.zsh share/fish/vendor_completions.d/wheelsh.fish; do
  [ -e "$top/$f" ] || fail "the tarball has no $f"
done
exercise "the tarball's bin/wheelsh" "$top/bin/wheelsh"
check_java_rules "the tarball's bin/wheelsh" "$top/bin/wheelsh"
# A moved release is another start-up archive, never the old one the JVM would refuse.
before=$(ls "$XDG_CACHE_HOME/wheelsh" | grep -c '^start-.*\.major$')
mv "$top" "$work/moved"
exercise "the tarball moved elsewhere" "$work/moved/bin/wheelsh"
after=$(ls "$XDG_CACHE_HOME/wheelsh" | grep -c '^start-.*\.major$')
[ "$after" = $((before + 1)) ] || fail "moving the release made no new start-up archive ($before -> $after)"
top="$work/moved"

# Man pages: one per command and subcommand, each rendered without a groff warning.
pages=$(ls "$top/share/man/man1" | wc -l)
[ "$pages" -ge 15 ] || fail "only $pages man pages"
if command -v groff >/dev/null 2>&1; then
  for page in "$top"/share/man/man1/*.1; do
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || fail "groff warns on $(basename "$page"): $warnings"
  done
  pass "$pages man pages render without warnings"
else
  echo "test-dist: skipped: groff is not installed, the man pages are not rendered"
fi

# Completion scripts parse in their shells.
bash -n "$top/share/bash-completion/completions/wheelsh" || fail "bash cannot parse the bash completion"
if command -v zsh >/dev/null 2>&1; then zsh -n "$top/share/zsh/wheelsh.zsh" || fail "zsh cannot parse the zsh completion"
else echo "test-dist: skipped: zsh is not installed"; fi
if command -v fish >/dev/null 2>&1; then fish -n "$top/share/fish/vendor_completions.d/wheelsh.fish" || fail "fish cannot parse the fish completion"
else echo "test-dist: skipped: fish is not installed"; fi
pass "completion scripts parse"

# The project's own wheel, judged by wheelsh: pure Python and well formed.
out=$("$work/venv/bin/wheelsh" show "$wheel") || fail "wheelsh show on its own wheel exited $?:"$'\n'"$out"
grep -q 'native code  none: pure Python' <<<"$out" || fail "show does not call the wheel pure Python:"$'\n'"$out"
grep -q "checks       contents match the wheel's claims" <<<"$out" || fail "show finds problems in the wheel:"$'\n'"$out"
grep -q 'tags         py3-none-any' <<<"$out" || fail "show reads other tags:"$'\n'"$out"
pass "wheelsh show: the wheel is pure Python and well formed"

if [ -n "$(ls dist/*.vsix 2>/dev/null)" ]; then pass "dist has $(basename dist/*.vsix)"; else echo "test-dist: no .vsix in dist/ (npm was not there)"; fi
echo "test-dist: all passed"
