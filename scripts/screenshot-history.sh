#!/usr/bin/env bash
# Takes the README's pictures of the ledger: the real app's History
# window under Xvfb (docs/history.png) and the HTML report it exports
# (docs/report.png, drawn by wkhtmltoimage when installed). The ledger
# holds two batches, as a newsroom's would: documents labeled by the CLI
# with -audit into the app's own ledger, then photos exported in the app.
# Usage: scripts/screenshot-history.sh [APP] [CLI]  (defaults: bin/belgi, bin/belgi-cli)
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${1:-bin/belgi}
CLI=${2:-bin/belgi-cli}
. scripts/xvfb.sh

work=$(mktemp -d)
trap 'stop_all; rm -rf "$work"' EXIT
fail() { echo "screenshot-history: $*" >&2; sed 's/^/  app: /' "$work/app.log" >&2 || true; exit 1; }

export HOME="$work/home" LANG=${SHOT_LANG:-en_US.UTF-8} FYNE_THEME=${SHOT_THEME:-light}
photos="$HOME/Pictures/campaign" docs="$HOME/Documents/briefing"
go run ./internal/samples/gen -set demo -out "$work/media"
mkdir -p "$photos" "$docs"
mv "$work/media/"*.jpg "$work/media/"*.png "$work/media/"*.gif "$photos/"
mv "$work/media/"* "$docs/"
files=$(( $(ls "$photos" | wc -l) + $(ls "$docs" | wc -l) ))
store="$HOME/.config/fyne/kz.belgi.app" # Fyne's storage folder for the app
ledger="$store/ledger.jsonl"
mkdir -p "$store"
# The app's operator, as the Ledger settings would store it.
echo '{"ledger.operator":"Daniyar Ospanov"}' >"$store/preferences.json"
"$CLI" label -audit "$ledger" -operator "Aigerim Sadykova" "$docs" >/dev/null

start_xvfb
"$APP" "$photos" >"$work/app.log" 2>&1 &
APP_PID=$!
win=$(wait_window Belgi 60) || fail "no window named Belgi"
sleep "${SETTLE:-3}"
xdotool windowfocus --sync "$win" key ctrl+e
for _ in $(seq 240); do
  [ "$(grep -c '"batch"' "$ledger")" -ge "$files" ] && break
  sleep 0.5
done
sleep 2
xdotool key Tab space # closes the summary (Close has the focus)
xdotool windowfocus --sync "$win" key ctrl+h
hist=$(wait_window "History.*" 30) || fail "no History window"
sleep "${SETTLE:-3}" # let it read and verify the ledger
mkdir -p docs
import -window "$hist" docs/history.png
echo "screenshot-history: wrote docs/history.png"

"$CLI" audit export -format html -o "$work/report.html" "$ledger"
if command -v wkhtmltoimage >/dev/null; then
  wkhtmltoimage --quiet --width 1200 --height 900 "$work/report.html" "$work/report.png"
  convert "$work/report.png" -dither None -colors 64 PNG8:docs/report.png # 4 MB of flat colour down to ~80 kB
  echo "screenshot-history: wrote docs/report.png"
else
  echo "screenshot-history: wkhtmltoimage not installed (apt-get install wkhtmltopdf): docs/report.png not redrawn" >&2
fi
xdotool windowfocus --sync "$win" key ctrl+q
wait "$APP_PID" || true
