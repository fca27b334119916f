#!/usr/bin/env bash
# Builds the Linux package: a tarball with the `belgi` binary, a .desktop
# entry and the icon, made by the fyne tool from FyneApp.toml.
# The fyne tool rewrites FyneApp.toml (it bumps Build), so it runs on a
# copy in a temporary folder: the work tree is never modified.
# Usage: scripts/package.sh [OUTDIR]   (default out/)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-out}
FYNE_TOOLS=v1.7.4
tools="$PWD/bin/tools"

if [ ! -x "$tools/fyne" ]; then
  GOBIN="$tools" go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Our own build reuses the Go build cache (fyne's own build would not,
# and neither would -trimpath); the app sets its ID and icon itself, so
# it needs none of the metadata fyne's build generates.
go build -ldflags "-s -w" -o "$work/belgi" .
( cd "$work" && cp -r "$OLDPWD/assets" . && cp "$OLDPWD/FyneApp.toml" . &&
  "$tools/fyne" package -os linux -release -executable belgi -icon assets/icon.png )

mkdir -p "$OUT"
tarball=$(ls "$work"/*.tar.xz)
cp "$tarball" "$OUT/belgi-linux-$(uname -m).tar.xz"
echo "package: $OUT/belgi-linux-$(uname -m).tar.xz"
tar -tJf "$OUT/belgi-linux-$(uname -m).tar.xz"
