#!/usr/bin/env bash
# Labels a folder of real JPEG photographs three ways in one run, each
# with 2 files at a time on the same machine, and prints the ratios:
#   belgi-cli label -jobs 2                  (Belgi: label, XMP, C2PA, read-back)
#   vips text + vips composite2 + Q=90       (libvips' CLI, label only)
#   jpegtran -copy all                       (libjpeg-turbo: a lossless
#                                             transcode, touching every block)
# vips renders the same bilingual kk+ru label as Belgi's default (compact:
# "ЖИ жасаған / ИИ создано") with Noto Sans Bold at a cap height of 5 % of
# the shorter side, bottom-right. Each tool runs ROUNDS
# times (default 3), interleaved, and its fastest round counts, which
# keeps a shared machine's noise out of the ratios. Both wall time and
# CPU time (user+sys of the tool and its children) are compared: on a
# busy machine wall time swings with the neighbours, CPU time far less.
#
# Usage: bench/images.sh [PHOTO_DIR]
# PHOTO_DIR defaults to the real-world corpus's camera JPEGs
# (../shared/realworld/images). Of its *.jpg files, those of at least
# 1 MP that djpeg decodes without a warning are used. SIZE=2 sets the
# label's cap height (% of the shorter side, default 5) for both Belgi and
# vips: the default label covers about 6 % of a photo, a 2 % one about 1 %.
# PROGRESSIVE=1 first makes each photo progressive (jpegtran -progressive,
# lossless), as pictures taken from the web mostly are; jpegtran then
# keeps them progressive (-progressive), as Belgi does.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/realworld/images}
rounds=${ROUNDS:-3}
size=${SIZE:-5}
progressive=${PROGRESSIVE:-}
q=90
[ -d "$src" ] || { echo "bench: no folder $src (give a folder of JPEG photos)"; exit 1; }
for tool in vips vipsheader jpegtran djpeg bc; do
  command -v $tool >/dev/null || { echo "bench: $tool missing (scripts/deps.sh test installs it)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. bench/common.sh
CGO_ENABLED=0 go build -o "$work/belgi-cli" ./cmd/belgi-cli

# The photos: copied into one folder so every tool sees the same set.
mkdir -p "$work/photos"
mp=0
while IFS= read -r -d '' f; do
  w=$(vipsheader -f width "$f" 2>/dev/null) || continue
  h=$(vipsheader -f height "$f" 2>/dev/null)
  [ $((w * h)) -ge 1000000 ] || continue
  [ -z "$(djpeg "$f" 2>&1 >/dev/null)" ] || continue
  to="$work/photos/$(basename "$f" | tr ' ()' '___')"
  if [ -n "$progressive" ]; then jpegtran -copy all -progressive -outfile "$to" "$f"; else cp "$f" "$to"; fi
  mp=$(echo "$mp + $w * $h / 1000000" | bc -l)
done < <(find "$src" -maxdepth 1 -type f \( -iname '*.jpg' -o -iname '*.jpeg' \) -print0 | sort -z)
n=$(ls "$work/photos" | wc -l)
[ "$n" -gt 0 ] || { echo "bench: no JPEG photo of 1 MP or more in $src"; exit 1; }

jpegtran_one() { jpegtran -copy all ${progressive:+-progressive} -outfile "$2/$(basename "$1")" "$1"; }
export -f jpegtran_one
export progressive

run_belgi() { time_it "$work/belgi-cli" label -jobs 2 -size "$size" -overwrite -out "$work/belgi" "$work/photos"; }
mkdir -p "$work/belgi" "$work/vips" "$work/jpegtran"
printf 'photos: %d files%s, %.0f megapixels, label cap height %s %%, 2 jobs each, best of %d rounds\n' "$n" "${progressive:+ made progressive}" "$mp" "$size" "$rounds" >&2
tb_w= tb_c= tv_w= tv_c= tj_w= tj_c=
for _ in $(seq "$rounds"); do
  best tb "$(run_belgi)"
  best tv "$(run_xargs vips_one vips)"
  best tj "$(run_xargs jpegtran_one jpegtran)"
done
[ "$(ls "$work/belgi" | wc -l)" = "$n" ] || { echo "bench: belgi did not label every photo"; exit 1; }
line belgi "$tb_w" "$tb_c"
line vips "$tv_w" "$tv_c" ratio
line jpegtran "$tj_w" "$tj_c" ratio
