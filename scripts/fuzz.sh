#!/usr/bin/env bash
# Runs every fuzz target of the module for a short while (FUZZTIME, default
# 3s each), so that CI exercises the parsers with inputs nobody wrote by
# hand on every run. Inputs a run finds that fail are written by Go under
# the package's testdata/fuzz/ folder: add them to the package's table test.
set -euo pipefail
cd "$(dirname "$0")/.."
time="${FUZZTIME:-3s}"
retry="${FUZZRETRY:-2000x}"

# fuzz_one PKG TARGET BUDGET: BUDGET is a -fuzztime, a duration or a
# count of executions ("2000x").
fuzz_one() { go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$3" 2>&1; }

# coordinator_flake tells Go's known race at the end of a timed fuzz run
# (a busy machine starves a worker as -fuzztime expires, and the target
# "fails" with only "context deadline exceeded") from a real finding,
# which always writes its failing input.
coordinator_flake() {
  grep -q 'context deadline exceeded' <<<"$1" && ! grep -q -e 'Failing input written' -e 'panic:' <<<"$1"
}

n=0
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' || true)
  for t in $targets; do
    echo "fuzz: $pkg $t ($time)"
    if ! out=$(fuzz_one "$pkg" "$t" "$time"); then
      if ! coordinator_flake "$out"; then
        echo "$out"
        exit 1
      fi
      # A count of executions has no deadline to race.
      echo "fuzz: $t: Go's fuzz coordinator hit its own deadline at -fuzztime's end, with no failing input (golang/go#75804, fixed in Go 1.27); running it again for $retry executions"
      out=$(fuzz_one "$pkg" "$t" "$retry") || { echo "$out"; exit 1; }
    fi
    n=$((n + 1))
  done
done
echo "fuzz: $n targets ran without a failure"
