#!/usr/bin/env bash
# Cold start, whole process: `wheelsh -c "explain NAME --target ..."` against `python3 -c` doing
# the same decision with packaging (parse the filename, compute the target's tags, intersect).
# Prints the medians of N runs and their ratio. Usage: explain-vs-packaging.sh [RUNS] [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
python=${2:-python3}
./wheelsh version >/dev/null
jar=shell/target/wheelsh.jar
name=numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64.whl

py='
import sys, sysconfig
from packaging import tags, utils, _manylinux, _musllinux
sysconfig.get_platform = lambda: "linux-loongarch64"
_manylinux._get_glibc_version = lambda: (2, 38)
_musllinux._get_musl_version = lambda exe: None
tags._get_config_var = lambda name, warn=False: {"Py_DEBUG": 0}.get(name)
platforms = list(tags._linux_platforms(is_32bit=False))
supported = list(tags.cpython_tags((3, 10), tags._cpython_abis((3, 10)), platforms)) + list(tags.compatible_tags((3, 10), "cp310", platforms))
name, version, build, wheel_tags = utils.parse_wheel_filename(sys.argv[1])
print("installable" if wheel_tags & set(supported) else "not installable")
'

median_ms() {
  local -a times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

w=$(median_ms ./wheelsh -c "explain $name --target cp310-glibc2.38-loongarch64")
p=$(median_ms "$python" -c "$py" "$name")
echo "runs=$runs  wheelsh -c explain (launcher): ${w} ms  python3+packaging: ${p} ms  ratio: $(awk -v a="$w" -v b="$p" 'BEGIN {printf "%.2f", a/b}')"

# The same without the launcher script, and with an application class-data-sharing archive.
j=$(median_ms java -XX:TieredStopAtLevel=1 -jar "$jar" -c "explain $name --target cp310-glibc2.38-loongarch64")
java -XX:ArchiveClassesAtExit=/tmp/wheelsh-bench.jsa -jar "$jar" -c "explain $name --target cp310-glibc2.38-loongarch64" >/dev/null 2>&1 || true
c=$(median_ms java -XX:SharedArchiveFile=/tmp/wheelsh-bench.jsa -XX:TieredStopAtLevel=1 -jar "$jar" -c "explain $name --target cp310-glibc2.38-loongarch64")
echo "java -jar: ${j} ms (ratio $(awk -v a="$j" -v b="$p" 'BEGIN {printf "%.2f", a/b}'))  java -jar with AppCDS: ${c} ms (ratio $(awk -v a="$c" -v b="$p" 'BEGIN {printf "%.2f", a/b}'))"
