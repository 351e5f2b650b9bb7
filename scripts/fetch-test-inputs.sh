#!/usr/bin/env bash
# Fetches the real inputs the differential tests read into .corpus/ (ignored by git): ELF
# libraries of many architectures from Debian packages, native libraries shipped inside npm and
# Maven packages, and wheels rebuilt from installed Python packages. Each step is independent:
# one that cannot run here says so and the tests that need its output skip with that reason.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .corpus
for step in scripts/fetch.d/*.sh; do
  [ -e "$step" ] || continue
  echo "fetch-test-inputs: $step"
  bash "$step" || echo "fetch-test-inputs: $step failed; tests that need it will skip" >&2
done
