#!/usr/bin/env bash
# The headless demo: generates sample media (ours, no licence needed),
# labels them with belgi-cli into OUT/labeled, then checks the results
# with belgi-cli check and, where installed, exiftool.
# Usage: scripts/demo.sh BELGI_CLI OUT
set -euo pipefail
cli=${1:?usage: demo.sh BELGI_CLI OUT}
out=${2:?usage: demo.sh BELGI_CLI OUT}
samples=$out/samples
mkdir -p "$samples"

echo "== generating sample media into $samples"
go run ./internal/samples/gen -set demo -out "$samples" >/dev/null
[ -x scripts/demo-media.sh ] && scripts/demo-media.sh "$samples"
ls -l "$samples" | tail -n +2

echo
echo "== belgi-cli label -lang kk,ru -out $out/labeled $samples"
"$cli" label -lang kk,ru -overwrite -out "$out/labeled" "$samples"

echo
echo "== belgi-cli check $out/labeled"
"$cli" check "$out/labeled"

if command -v exiftool >/dev/null; then
  echo
  echo "== exiftool -XMP-iptcExt:DigitalSourceType (a reader Belgi did not write)"
  exiftool -q -q -r -T -FileName -XMP-iptcExt:DigitalSourceType "$out/labeled" || true
fi
echo
echo "Labeled copies are in $out/labeled; the originals in $samples are untouched."
