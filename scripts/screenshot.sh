#!/usr/bin/env bash
# Takes the README's screenshot: the real app under Xvfb with generated
# sample photos, the first one previewed with its label.
# Usage: scripts/screenshot.sh [BIN] [OUT.png]  (defaults: bin/belgi, docs/screenshot.png)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-bin/belgi}
OUT=${2:-docs/screenshot.png}
. scripts/xvfb.sh

work=$(mktemp -d)
trap 'stop_all; rm -rf "$work"' EXIT
go run ./internal/samples/gen -set demo -out "$work/photos"
start_xvfb

# A fresh home: default settings, English interface, light look.
HOME="$work/home" LANG=${SHOT_LANG:-en_US.UTF-8} FYNE_THEME=${SHOT_THEME:-light} "$BIN" "$work/photos/lake-at-dusk.jpg" "$work/photos/portrait-phone.jpg" "$work/photos/poster.png" "$work/photos/loop.gif" >"$work/app.log" 2>&1 &
APP_PID=$!
win=$(wait_window Belgi 30) || { cat "$work/app.log" >&2; echo "screenshot: no window" >&2; exit 1; }
sleep "${SETTLE:-3}" # let the first preview decode and draw
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
xdotool windowfocus --sync "$win" key ctrl+q
wait "$APP_PID" || true
echo "screenshot: wrote $OUT"
