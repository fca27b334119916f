#!/usr/bin/env bash
# Runs every fuzz target of the module for a short while (FUZZTIME, default
# 3s each), so that CI exercises the parsers with inputs nobody wrote by
# hand on every run. Inputs a run finds that fail are written by Go under
# the package's testdata/fuzz/ folder: add them to the package's table test.
set -euo pipefail
cd "$(dirname "$0")/.."
time="${FUZZTIME:-3s}"
n=0
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  targets=$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' || true)
  for t in $targets; do
    echo "fuzz: $pkg $t ($time)"
    if ! out=$(go test "$pkg" -run '^$' -fuzz "^$t\$" -fuzztime "$time" 2>&1); then
      echo "$out"
      exit 1
    fi
    n=$((n + 1))
  done
done
echo "fuzz: $n targets ran without a failure"
