#!/usr/bin/env bash
# Takes the README's screenshot: the real app under Xvfb with generated
# sample photos, the first one previewed with its label.
# Usage: scripts/screenshot.sh [BIN] [OUT.png]  (defaults: bin/belgi, docs/screenshot.png)
# SHOT_PREFS=file.json starts the app with those stored preferences;
# SHOT_SCROLL=N scrolls the settings panel down N wheel steps first (with
# the pointer at SHOT_SCROLL_AT, default "1120 400");
# SHOT_CLICK="X Y" then clicks there (a hint, a menu); SHOT_FILES="a b"
# opens those files instead of the sample photos. docs/validation-kk.png:
#   SHOT_PREFS=scripts/validation-kk.json SHOT_SCROLL=30 SHOT_SCROLL_AT="900 570" SHOT_CLICK="1254 445" \
#   scripts/screenshot.sh bin/belgi docs/validation-kk.png
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-bin/belgi}
OUT=${2:-docs/screenshot.png}
. scripts/xvfb.sh

work=$(mktemp -d)
trap 'stop_all; rm -rf "$work"' EXIT
go run ./internal/samples/gen -set demo -out "$work/photos"
start_xvfb
if [ -n "${SHOT_PREFS:-}" ]; then
  mkdir -p "$work/home/.config/fyne/kz.belgi.app"
  cp "$SHOT_PREFS" "$work/home/.config/fyne/kz.belgi.app/preferences.json"
fi

# A fresh home: default settings, English interface, light look.
files=("$work/photos/lake-at-dusk.jpg" "$work/photos/portrait-phone.jpg" "$work/photos/poster.png" "$work/photos/loop.gif")
if [ -n "${SHOT_FILES:-}" ]; then
  read -r -a files <<<"$SHOT_FILES"
fi
HOME="$work/home" LANG=${SHOT_LANG:-en_US.UTF-8} FYNE_THEME=${SHOT_THEME:-light} "$BIN" "${files[@]}" >"$work/app.log" 2>&1 &
APP_PID=$!
win=$(wait_window Belgi 30) || { cat "$work/app.log" >&2; echo "screenshot: no window" >&2; exit 1; }
sleep "${SETTLE:-3}" # let the first preview decode and draw
if [ "${SHOT_SCROLL:-0}" -gt 0 ]; then
  xdotool mousemove --sync ${SHOT_SCROLL_AT:-1120 400} click --repeat "$SHOT_SCROLL" --delay 50 5 mousemove 640 790
  sleep 1
fi
if [ -n "${SHOT_CLICK:-}" ]; then
  xdotool mousemove --sync $SHOT_CLICK click 1
  sleep 1
fi
mkdir -p "$(dirname "$OUT")"
import -window root "$OUT"
xdotool windowfocus --sync "$win" key ctrl+q
wait "$APP_PID" || true
echo "screenshot: wrote $OUT"
