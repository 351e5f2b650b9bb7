#!/usr/bin/env bash
# Runs one of core's fuzz tests (dev.wheelsh.core.fuzz) as a fuzzer with Jazzer's own driver, for
# a time or a number of executions, and keeps what it finds:
#
#   scripts/fuzz.sh list                      the targets, as CLASS.METHOD
#   scripts/fuzz.sh seeds                     (re)writes the seed corpora (FuzzSeeds)
#   scripts/fuzz.sh run TARGET MINUTES [RUNS] fuzzes TARGET (e.g. BinaryReadersFuzzTest.elf) for
#                                             MINUTES, or until RUNS executions if RUNS is given
#   scripts/fuzz.sh all MINUTES RUNS [TARGET...]  runs the targets (all by default) one after
#                                             another, each for MINUTES or RUNS executions, logs in
#                                             target/fuzz/logs/, and prints executions per target
#
# New inputs that reach new code go to target/fuzz/corpus/TARGET (not committed); a crashing input
# is written to target/fuzz/crashes/TARGET/ and should be copied, once fixed, into the test's
# committed Inputs directory (core/src/test/resources/dev/wheelsh/core/fuzz/CLASSInputs/METHOD/),
# where every ordinary test run replays it. The last line of a run is libFuzzer's
# "Done N runs in S second(s)": the execution count.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS="BinaryReadersFuzzTest.elf BinaryReadersFuzzTest.machO BinaryReadersFuzzTest.pe WheelFuzzTest.wheel
NamesFuzzTest.filename NamesFuzzTest.tagSet NamesFuzzTest.target
DocumentReadersFuzzTest.toml DocumentReadersFuzzTest.ini DocumentReadersFuzzTest.json
ConfigFuzzTest.pyproject ConfigFuzzTest.pipConf ConfigFuzzTest.baseline
ExplainFuzzTest.explainName ExplainFuzzTest.pick"

classpath() {
  mkdir -p target/fuzz
  if [ ! -s target/fuzz/classpath.txt ] || [ core/pom.xml -nt target/fuzz/classpath.txt ]; then
    ./mvnw -B -o -q -pl core test-compile
    ./mvnw -B -o -q -pl core dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$PWD/target/fuzz/classpath.txt" >/dev/null
  fi
  echo "core/target/test-classes:core/target/classes:$(cat target/fuzz/classpath.txt)"
}

case "${1:-}" in
  list)
    printf '%s\n' $TARGETS
    ;;
  seeds)
    cp=$(classpath)
    java -cp "$cp" dev.wheelsh.core.fuzz.FuzzSeeds core/src/test/resources
    ;;
  run)
    target=${2:?"usage: $0 run CLASS.METHOD MINUTES [RUNS]"}
    minutes=${3:?"usage: $0 run CLASS.METHOD MINUTES [RUNS]"}
    runs=${4:--1}
    printf '%s\n' $TARGETS | grep -qx "$target" || { echo "fuzz.sh: no fuzz target $target (see: $0 list)" >&2; exit 2; }
    class=${target%.*}
    method=${target#*.}
    cp=$(classpath)
    seeds=core/src/test/resources/dev/wheelsh/core/fuzz/${class}Inputs/$method
    corpus=target/fuzz/corpus/$target
    crashes=target/fuzz/crashes/$target
    mkdir -p "$corpus" "$crashes"
    java_opts="-Xmx1g -Xss1m -XX:+UseParallelGC"
    max_len=4096
    case "$class" in
      BinaryReadersFuzzTest|WheelFuzzTest) max_len=16384 ;;
    esac
    # Jazzer's driver is in its jar; the test's @FuzzTest method is the target, instrumented with
    # everything under dev.wheelsh. Bounds: 10 s per input, 2 GiB of RSS (the reader's own budgets
    # are far below both, so passing either is a finding).
    exec java $java_opts -cp "$cp" com.code_intelligence.jazzer.Jazzer \
      --target_class="dev.wheelsh.core.fuzz.$class" --target_method="$method" \
      --instrumentation_includes='dev.wheelsh.**' --custom_hook_includes='dev.wheelsh.**' \
      --reproducer_path="$crashes" --keep_going=100 \
      -max_total_time=$((minutes * 60)) -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "$seeds"
    ;;
  all)
    minutes=${2:?"usage: $0 all MINUTES RUNS [TARGET...]"}
    runs=${3:?"usage: $0 all MINUTES RUNS [TARGET...]"}
    shift 3
    chosen=${*:-$TARGETS}
    mkdir -p target/fuzz/logs
    for target in $chosen; do
      log=target/fuzz/logs/$target.log
      bash "$0" run "$target" "$minutes" "$runs" >"$log" 2>&1 || true
      done_line=$(grep -aE '^Done [0-9]+ runs' "$log" | tail -1 || true)
      findings=$(grep -ac 'Java Exception:' "$log" || true)
      echo "$target: ${done_line:-no Done line (see $log)}; findings: $findings"
    done
    ;;
  *)
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
