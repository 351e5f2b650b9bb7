#!/usr/bin/env bash
# Real wheels rebuilt from installed Python packages (numpy, cryptography, orjson, cffi, markupsafe,
# ... whatever native packages the Python environments here have) into .corpus/wheels/<python>/.
# Each Python found on PATH or under pyenv contributes its own site-packages.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$PWD/.corpus/wheels
mkdir -p "$out"
pythons=()
command -v python3 >/dev/null && pythons+=("$(command -v python3)")
for p in "$HOME"/.pyenv/versions/*/bin/python3; do
  [ -x "$p" ] && pythons+=("$p")
done
[ ${#pythons[@]} -gt 0 ] || { echo "40-rebuilt-wheels: no python3 found; skipping"; exit 0; }
for py in "${pythons[@]}"; do
  tag=$("$py" -c 'import sys; print("cp%d%d" % sys.version_info[:2])' 2>/dev/null) || continue
  [ -d "$out/$tag" ] && continue
  "$py" scripts/rebuild_wheels.py "$out/$tag" packaging idna || echo "40-rebuilt-wheels: $py failed; skipped"
done
echo "40-rebuilt-wheels: $(find "$out" -name '*.whl' | wc -l) wheels under .corpus/wheels"
