#!/usr/bin/env bash
# Cold start, whole process, paired: each round runs wheelsh and then `python3 -c` doing the same
# with packaging, so both see the same load. Prints the median of each and their ratio for
# version, tags, explain and tags host.
# Usage: scripts/bench/startup-vs-packaging.sh [RUNS] [PYTHON] [WHEELSH]
#   WHEELSH defaults to ./wheelsh (the launcher); give another command (an installed wheelsh, or
#   "java -jar shell/target/wheelsh.jar") to time that instead. JAVA in the environment picks the
#   JDK the launcher runs (WHEELSH_JAVA).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
# The interpreter itself, not a version manager's shim in front of it (pyenv's costs ~100 ms a run).
python=$("${2:-python3}" -c 'import sys; print(sys.executable)')
read -r -a wheelsh <<<"${3:-./wheelsh}"
"${wheelsh[@]}" version >/dev/null   # build and make the start-up archive outside the timing
"${wheelsh[@]}" version >/dev/null

name=numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
fake_loongarch='
import sysconfig
from packaging import tags, utils, _manylinux, _musllinux
sysconfig.get_platform = lambda: "linux-loongarch64"
_manylinux._get_glibc_version = lambda: (2, 38)
_musllinux._get_musl_version = lambda exe: None
'
py_version='import packaging, packaging.tags, packaging.utils; print("packaging", packaging.__version__)'
py_tags="$fake_loongarch"'
cfg = {"Py_GIL_DISABLED": 1, "Py_DEBUG": 0}
tags._get_config_var = lambda name, warn=False: cfg.get(name)
platforms = list(tags._linux_platforms(is_32bit=False))
out = list(tags.cpython_tags((3, 13), tags._cpython_abis((3, 13)), platforms))
out += list(tags.compatible_tags((3, 13), "cp313", platforms))
print(len(out), "tags, best first:")
print("\n".join(map(str, out)))
'
py_explain="$fake_loongarch"'
import sys
tags._get_config_var = lambda name, warn=False: {"Py_DEBUG": 0}.get(name)
platforms = list(tags._linux_platforms(is_32bit=False))
supported = list(tags.cpython_tags((3, 10), tags._cpython_abis((3, 10)), platforms)) + list(tags.compatible_tags((3, 10), "cp310", platforms))
name, version, build, wheel_tags = utils.parse_wheel_filename(sys.argv[1])
print("installable" if wheel_tags & set(supported) else "not installable")
'
py_host='from packaging import tags; print("\n".join(map(str, tags.sys_tags())))'

ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

pair() {
  local label=$1; shift
  local -a w_args=() ; while [ "$1" != "--" ]; do w_args+=("$1"); shift; done; shift
  local wt=() pt=()
  for _ in $(seq "$runs"); do
    wt+=("$(ms "${wheelsh[@]}" "${w_args[@]}")")
    pt+=("$(ms "$python" "$@")")
  done
  local w p
  w=$(printf '%s\n' "${wt[@]}" | median)
  p=$(printf '%s\n' "${pt[@]}" | median)
  printf '%-10s wheelsh %5s ms  python3+packaging %5s ms  ratio %s\n' "$label" "$w" "$p" \
    "$(awk -v a="$w" -v b="$p" 'BEGIN {printf "%.2f", a/b}')"
}

diff <("${wheelsh[@]}" tags --python 3.13 --abi-flags t --arch loongarch64 --glibc 2.38) <("$python" -c "$py_tags") >/dev/null \
  || { echo "wheelsh and packaging disagree on the tags; not timing" >&2; exit 1; }
echo "runs=$runs  load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
pair version version -- -c "$py_version"
pair tags tags --python 3.13 --abi-flags t --arch loongarch64 --glibc 2.38 -- -c "$py_tags"
pair explain explain "$name" --target cp310-glibc2.38-loongarch64 -- -c "$py_explain" "$name"
pair "tags host" tags host -- -c "$py_host"
