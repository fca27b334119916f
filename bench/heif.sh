#!/usr/bin/env bash
# Labels a folder of real HEIC, HEIF and AVIF photographs three ways in one
# run, each with 2 files at a time, and prints the ratios:
#   belgi-cli label -jobs 2                  (the system's libheif, in a child)
#   the same with BELGI_NO_LIBHEIF=1         (the built-in WebAssembly decoders)
#   vips text + vips composite2 + Q=92       (libvips' CLI, label only)
# Belgi writes these pictures as JPEG at quality 92, so vips does too, with
# the same bilingual label (see bench/common.sh). Each way runs ROUNDS
# times (default 3), interleaved, and its fastest round counts.
#
# Usage: bench/heif.sh [PHOTO_DIR]
# PHOTO_DIR defaults to the real-world corpus's pictures
# (../shared/realworld/images); those of at least 1 MP that vips reads are
# used.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/realworld/images}
rounds=${ROUNDS:-3}
size=${SIZE:-5}
q=92
[ -d "$src" ] || { echo "bench: no folder $src (give a folder of HEIC or AVIF photos)"; exit 1; }
for tool in vips vipsheader bc; do
  command -v $tool >/dev/null || { echo "bench: $tool missing (scripts/deps.sh test installs it)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. bench/common.sh
CGO_ENABLED=0 go build -o "$work/belgi-cli" ./cmd/belgi-cli
"$work/belgi-cli" version | grep -q "system's libheif" || { echo "bench: no system libheif (scripts/deps.sh media installs it)"; exit 1; }

mkdir -p "$work/photos"
mp=0
while IFS= read -r -d '' f; do
  w=$(vipsheader -f width "$f" 2>/dev/null) || continue
  h=$(vipsheader -f height "$f" 2>/dev/null)
  [ $((w * h)) -ge 1000000 ] || continue
  cp "$f" "$work/photos/$(basename "$f" | tr ' ()' '___')"
  mp=$(echo "$mp + $w * $h / 1000000" | bc -l)
done < <(find "$src" -maxdepth 1 -type f \( -iname '*.heic' -o -iname '*.heif' -o -iname '*.avif' \) -print0 | sort -z)
n=$(ls "$work/photos" | wc -l)
[ "$n" -gt 0 ] || { echo "bench: no HEIC, HEIF or AVIF photo of 1 MP or more in $src"; exit 1; }

run_belgi() { time_it "$work/belgi-cli" label -jobs 2 -size "$size" -overwrite -out "$work/$1" "$work/photos"; }
run_builtin() { time_it env BELGI_NO_LIBHEIF=1 "$work/belgi-cli" label -jobs 2 -size "$size" -overwrite -out "$work/$1" "$work/photos"; }
mkdir -p "$work/belgi" "$work/builtin" "$work/vips"
printf 'photos: %d files, %.0f megapixels, label cap height %s %%, 2 jobs each, best of %d rounds\n' "$n" "$mp" "$size" "$rounds" >&2
tb_w= tb_c= tw_w= tw_c= tv_w= tv_c=
for _ in $(seq "$rounds"); do
  best tb "$(run_belgi belgi)"
  best tw "$(run_builtin builtin)"
  best tv "$(run_xargs vips_one vips)"
done
[ "$(ls "$work/belgi" | wc -l)" = "$n" ] || { echo "bench: belgi did not label every photo"; exit 1; }
line belgi "$tb_w" "$tb_c"
line built-in "$tw_w" "$tw_c" ratio
line vips "$tv_w" "$tv_c" ratio
