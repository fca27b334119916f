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
[ -d "$src" ] || { echo "bench: no folder $src (give a folder of JPEG photos)"; exit 1; }
for tool in vips vipsheader jpegtran djpeg bc; do
  command -v $tool >/dev/null || { echo "bench: $tool missing (scripts/deps.sh test installs it)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
font=$PWD/assets/fonts/NotoSans-Bold.ttf
kk="ЖИ жасаған"
ru="ИИ создано"
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

vips_one() {
  f=$1; o=$2
  w=$(vipsheader -f width "$f"); h=$(vipsheader -f height "$f")
  s=$(( w < h ? w : h )); px=$(( s * size / 100 * 1000 / 714 )); m=$(( s * 2 / 100 ))
  dpi=$(( px * 72 / 12 )); t="$o/$(basename "$f").v.png"
  vips text "$t" "$kk
$ru" --fontfile "$font" --font "Noto Sans Bold 12" --dpi "$dpi" --width $(( w - 2 * m )) --rgba
  tw=$(vipsheader -f width "$t"); th=$(vipsheader -f height "$t")
  vips composite2 "$f" "$t" "$o/$(basename "$f")[Q=90]" over --x $(( w - m - tw )) --y $(( h - m - th ))
  rm -f "$t"
}
jpegtran_one() { jpegtran -copy all ${progressive:+-progressive} -outfile "$2/$(basename "$1")" "$1"; }
export -f vips_one jpegtran_one
export kk ru font size progressive

# time_it prints "WALL CPU", the seconds a command took and the CPU
# seconds it and its children used; its output is dropped and a failure
# stops the benchmark.
time_it() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
  read -r e u s <"$work/time"; echo "$e $(echo "$u + $s" | bc)"
}
run_belgi() { time_it "$work/belgi-cli" label -jobs 2 -size "$size" -overwrite -out "$work/belgi" "$work/photos"; }
run_xargs() { time_it bash -c "ls '$work/photos'/* | xargs -P 2 -I{} bash -c '$1 {} $work/$2'"; }
fastest() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
# best VAR "WALL CPU": keeps the least wall time in VAR_w and CPU in VAR_c.
best() {
  local w c; read -r w c <<<"$2"
  printf -v "$1_w" '%s' "$(fastest "$(eval echo "\${$1_w:-}")" "$w")"
  printf -v "$1_c" '%s' "$(fastest "$(eval echo "\${$1_c:-}")" "$c")"
}

mkdir -p "$work/belgi" "$work/vips" "$work/jpegtran"
printf 'photos: %d files%s, %.0f megapixels, label cap height %s %%, 2 jobs each, best of %d rounds\n' "$n" "${progressive:+ made progressive}" "$mp" "$size" "$rounds" >&2
tb_w= tb_c= tv_w= tv_c= tj_w= tj_c=
for _ in $(seq "$rounds"); do
  best tb "$(run_belgi)"
  best tv "$(run_xargs vips_one vips)"
  best tj "$(run_xargs jpegtran_one jpegtran)"
done
[ "$(ls "$work/belgi" | wc -l)" = "$n" ] || { echo "bench: belgi did not label every photo"; exit 1; }
line() {
  printf '%-9s %6.2f s %6.1f MP/s %6.2f s CPU' "$1" "$2" "$(echo "$mp / $2" | bc -l)" "$3"
  [ -z "${4:-}" ] || printf '   belgi is %.2fx as fast (wall), %.2fx (CPU)' "$(echo "$2 / $tb_w" | bc -l)" "$(echo "$3 / $tb_c" | bc -l)"
  echo
}
line belgi "$tb_w" "$tb_c"
line vips "$tv_w" "$tv_c" ratio
line jpegtran "$tj_w" "$tj_c" ratio
