#!/bin/sh
# Runs generate_tags.py against a packaging source tree instead of the installed packaging, from a
# temporary directory so that nothing of the tree is written into this repository.
#
# Usage: packaging-source.sh PACKAGING_TREE OUT_DIR [PYTHON]
#   PACKAGING_TREE  a checkout of https://github.com/pypa/packaging at a release tag, e.g.
#                   git clone --depth 1 --branch 26.3 https://github.com/pypa/packaging
#   OUT_DIR         where the three golden files go, e.g.
#                   core/src/test/resources/dev/wheelsh/core/tags/golden-26.3
#   PYTHON          the interpreter (default python3); 3.9 or later
set -eu
tree=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
python=${3:-python3}
script=$(cd "$(dirname "$0")" && pwd)/generate_tags.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
PYTHONPATH="$tree/src" PYTHONDONTWRITEBYTECODE=1 "$python" -c 'import packaging, sys; print("packaging", packaging.__version__, "from", packaging.__file__, file=sys.stderr)'
PYTHONPATH="$tree/src" PYTHONDONTWRITEBYTECODE=1 "$python" "$script" "$out"
