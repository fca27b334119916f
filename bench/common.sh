# Helpers bench/images.sh and bench/heif.sh share; sourced, not run.
# The caller sets: work (a temporary folder), size (the label's cap
# height in % of the shorter side) and q (vips's JPEG quality).

font=$PWD/assets/fonts/NotoSans-Bold.ttf
kk="ЖИ жасаған"
ru="ИИ создано"

# vips_one IN OUTDIR draws Belgi's default label (compact, kk+ru, Noto
# Sans Bold at a cap height of size % of the shorter side, bottom-right)
# with libvips's CLI and writes OUTDIR/NAME.jpg at quality q.
vips_one() {
  f=$1; o=$2
  w=$(vipsheader -f width "$f"); h=$(vipsheader -f height "$f")
  s=$(( w < h ? w : h )); px=$(( s * size / 100 * 1000 / 714 )); m=$(( s * 2 / 100 ))
  dpi=$(( px * 72 / 12 )); t="$o/$(basename "$f").v.png"
  vips text "$t" "$kk
$ru" --fontfile "$font" --font "Noto Sans Bold 12" --dpi "$dpi" --width $(( w - 2 * m )) --rgba
  tw=$(vipsheader -f width "$t"); th=$(vipsheader -f height "$t")
  vips composite2 "$f" "$t" "$o/$(basename "${f%.*}").jpg[Q=$q]" over --x $(( w - m - tw )) --y $(( h - m - th ))
  rm -f "$t"
}
export -f vips_one
export kk ru font size q

# time_it prints "WALL CPU", the seconds a command took and the CPU
# seconds it and its children used; its output is dropped and a failure
# stops the benchmark.
time_it() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
  read -r e u s <"$work/time"; echo "$e $(echo "$u + $s" | bc)"
}
# run_xargs FUNC OUTDIR runs FUNC on every file of $work/photos, 2 at a time.
run_xargs() { time_it bash -c "ls '$work/photos'/* | xargs -P 2 -I{} bash -c '$1 {} $work/$2'"; }
fastest() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
# best VAR "WALL CPU": keeps the least wall time in VAR_w and CPU in VAR_c.
best() {
  local w c; read -r w c <<<"$2"
  printf -v "$1_w" '%s' "$(fastest "$(eval echo "\${$1_w:-}")" "$w")"
  printf -v "$1_c" '%s' "$(fastest "$(eval echo "\${$1_c:-}")" "$c")"
}
# line NAME WALL CPU [ratio]: one row of the table, with Belgi's ratio
# (tb_w, tb_c) to this tool when a fourth word is given.
line() {
  printf '%-9s %6.2f s %6.1f MP/s %6.2f s CPU' "$1" "$2" "$(echo "$mp / $2" | bc -l)" "$3"
  [ -z "${4:-}" ] || printf '   belgi is %.2fx as fast (wall), %.2fx (CPU)' "$(echo "$2 / $tb_w" | bc -l)" "$(echo "$3 / $tb_c" | bc -l)"
  echo
}
