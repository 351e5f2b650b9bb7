#!/usr/bin/env bash
# Whole-process timing of `wheelsh tags` against `python3 -c` computing the same list with
# packaging, side by side in one run. Prints the median of N runs of each and their ratio.
# Usage: scripts/bench/tags-vs-packaging.sh [RUNS] [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
python=${2:-python3}
./wheelsh version >/dev/null   # build first, outside the timing

py_tags='
import sysconfig
from packaging import tags, _manylinux, _musllinux
sysconfig.get_platform = lambda: "linux-loongarch64"
_manylinux._get_glibc_version = lambda: (2, 38)
_musllinux._get_musl_version = lambda exe: None
cfg = {"Py_GIL_DISABLED": 1, "Py_DEBUG": 0}
tags._get_config_var = lambda name, warn=False: cfg.get(name)
platforms = list(tags._linux_platforms(is_32bit=False))
out = list(tags.cpython_tags((3, 13), tags._cpython_abis((3, 13)), platforms))
out += list(tags.compatible_tags((3, 13), "cp313", platforms))
print(len(out), "tags, best first:")
print("\n".join(map(str, out)))
'

median_ms() {
  local -a times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# Same answer first: the two lists must be identical.
diff <(./wheelsh tags --python 3.13 --abi-flags t --arch loongarch64 --glibc 2.38) <("$python" -c "$py_tags") >/dev/null \
  || { echo "wheelsh and packaging disagree; not timing" >&2; exit 1; }

w=$(median_ms ./wheelsh tags --python 3.13 --abi-flags t --arch loongarch64 --glibc 2.38)
p=$(median_ms "$python" -c "$py_tags")
echo "runs=$runs  wheelsh tags: ${w} ms  python3+packaging: ${p} ms  ratio wheelsh/python: $(awk -v a="$w" -v b="$p" 'BEGIN {printf "%.2f", a/b}')"
