#!/usr/bin/env bash
# Labels a folder of 20 photographs (2.5–26 MP) three ways in one run, each
# with 2 files at a time on the same machine, and prints the ratios:
#   belgi-cli label -jobs 2                         (Belgi)
#   vips text + vips composite2 + JPEG Q=90         (libvips' CLI)
#   convert -annotate with an undercolour, Q=90     (ImageMagick)
# Each tool renders the same bilingual kk+ru notice with Noto Sans Bold at
# a cap height of 5 % of the shorter side, bottom-right. Belgi also
# writes XMP and reads every output back; the others do neither.
# Usage: bench/images.sh [PHOTO_DIR]   (photos are generated if absent)
set -euo pipefail
cd "$(dirname "$0")/.."
photos=${1:-${TMPDIR:-/tmp}/belgi-bench/photos}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
font=$PWD/assets/fonts/NotoSans-Bold.ttf
kk="Жасанды интеллект көмегімен жасалған"
ru="Создано с помощью искусственного интеллекта"

for tool in vips convert; do
  command -v $tool >/dev/null || { echo "bench: $tool missing (scripts/deps.sh test installs it)"; exit 1; }
done
CGO_ENABLED=0 go build -o "$out/belgi-cli" ./cmd/belgi-cli
if [ -z "$(ls "$photos"/*.jpg 2>/dev/null)" ]; then
  echo "generating 20 photos into $photos (once)..." >&2
  go run ./internal/samples/gen -set photos -out "$photos" >/dev/null
fi
n=$(ls "$photos"/*.jpg | wc -l)
mp=$(ls "$photos"/*.jpg | sed -E 's/.*-([0-9]+)x([0-9]+)\.jpg/\1 \2/' | awk '{s+=$1*$2} END {printf "%.0f", s/1e6}')

# Per-file jobs for the other tools: size comes from the file name.
vips_one() {
  f=$1; o=$2; read -r w h < <(basename "$f" | sed -E 's/.*-([0-9]+)x([0-9]+)\.jpg/\1 \2/')
  s=$(( w < h ? w : h )); px=$(( s * 5 / 100 * 1000 / 714 )); m=$(( s * 2 / 100 ))
  dpi=$(( px * 72 / 12 ))
  t="$o/$(basename "$f").v"
  vips text "$t" "$kk
$ru" --fontfile "$font" --font "Noto Sans Bold 12" --dpi "$dpi" --width $(( w - 2 * m )) --rgba
  tw=$(vipsheader -f width "$t"); th=$(vipsheader -f height "$t")
  vips composite2 "$f" "$t" "$o/$(basename "$f")[Q=90]" over --x $(( w - m - tw )) --y $(( h - m - th ))
  rm -f "$t"
}
magick_one() {
  f=$1; o=$2; read -r w h < <(basename "$f" | sed -E 's/.*-([0-9]+)x([0-9]+)\.jpg/\1 \2/')
  s=$(( w < h ? w : h )); px=$(( s * 5 / 100 * 1000 / 714 )); m=$(( s * 2 / 100 ))
  convert "$f" -font "$font" -pointsize "$px" -fill white -undercolor '#111111C8' \
    -gravity southeast -annotate +$m+$m "$kk
$ru" -quality 90 "$o/$(basename "$f")"
}
export -f vips_one magick_one
export kk ru font

# time_it prints the seconds a command took; its own output is dropped
# and a failure stops the benchmark.
time_it() {
  local t0 t1; t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
  t1=$(date +%s.%N); echo "$t1 - $t0" | bc
}

mkdir -p "$out/belgi" "$out/vips" "$out/magick"
echo "photos: $n files, $mp megapixels, 2 jobs each" >&2
tb=$(time_it "$out/belgi-cli" label -jobs 2 -overwrite -out "$out/belgi" "$photos")
tv=$(time_it bash -c "ls '$photos'/*.jpg | xargs -P 2 -I{} bash -c 'vips_one {} $out/vips'")
tm=$(time_it bash -c "ls '$photos'/*.jpg | xargs -P 2 -I{} bash -c 'magick_one {} $out/magick'")
[ "$(ls "$out/belgi" | wc -l)" = "$n" ] || { echo "bench: belgi did not label every photo"; exit 1; }
printf 'belgi  %6.1f s  %5.1f MP/s\n' "$tb" "$(echo "$mp / $tb" | bc -l)"
printf 'vips   %6.1f s  %5.1f MP/s   belgi is %.2fx as fast\n' "$tv" "$(echo "$mp / $tv" | bc -l)" "$(echo "$tv / $tb" | bc -l)"
printf 'magick %6.1f s  %5.1f MP/s   belgi is %.2fx as fast\n' "$tm" "$(echo "$mp / $tm" | bc -l)" "$(echo "$tm / $tb" | bc -l)"
