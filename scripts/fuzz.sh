#!/usr/bin/env bash
# Runs every fuzz target of the module for a short while (FUZZTIME, default
# 3s each), so that CI exercises the parsers with inputs nobody wrote by
# hand on every run. The JPEG splicer's targets (FuzzSplice, FuzzCheck) run
# longer (FUZZTIME_LONG, default 20s): they write files, not only read
# them, and their two findings so far each took minutes, not seconds.
# Inputs a run finds that fail are written by Go under the package's
# testdata/fuzz/ folder: add them to the package's table test.
set -euo pipefail
cd "$(dirname "$0")/.."
time="${FUZZTIME:-3s}"
retry="${FUZZRETRY:-2000x}"
long="${FUZZTIME_LONG:-20s}"
long_targets="FuzzSplice FuzzCheck"

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
    budget=$time
    [[ " $long_targets " == *" $t "* ]] && budget=$long
    echo "fuzz: $pkg $t ($budget)"
    if ! out=$(fuzz_one "$pkg" "$t" "$budget"); then
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
