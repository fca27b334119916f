#!/usr/bin/env bash
# Video speed as ratios, all measured in one run on one machine:
#
#  full   belgi-cli label with the default settings (badge on every frame,
#         spoken notice) against a plain re-encode with the same encoder
#         settings, `ffmpeg -c:v libx264 -preset medium -crf 18 -c:a copy`,
#         on a generated 1080p30 clip (FULL_SECS, default 40) and on every
#         real H.264/HEVC clip in $REAL. Target: at most +10 % wall and CPU.
#         An HEVC clip's plain re-encode uses libx265, as Belgi does: it
#         keeps a video's codec, and x265 costs several times x264.
#  smart  "badge first 5 s" (-video-badge start:5) by smart render against
#         the same label with a full re-encode (-smart-render=false), on a
#         generated 10-minute 1080p30 H.264 clip with a key frame every 2 s
#         (SMART_SECS, default 600) and on the real clips longer than 10 s.
#         Target: at most 5 % of the full re-encode's wall time.
#
# CPU is user+sys of the process and its children: steadier than wall
# time on a shared machine. Each pair runs alternately ROUNDS times
# (default 1) and keeps each side's best.
#
# Usage: bench/video.sh          REAL=dir (default ../shared/realworld/video)
#        KEEP=dir keeps the generated clips there between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
full_secs="${FULL_SECS:-40}"
smart_secs="${SMART_SECS:-600}"
rounds="${ROUNDS:-1}"
real="${REAL:-../shared/realworld/video}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
clips="${KEEP:-$work}"
mkdir -p "$clips"

CGO_ENABLED=0 go build -o "$work/belgi-cli" ./cmd/belgi-cli

# generate NAME SECONDS: a 1080p30 testsrc2 clip with a tone, H.264 with a
# key frame every 2 s, as cameras and streaming encoders write them.
generate() {
  local out="$clips/$1-$2s.mp4"
  [ -s "$out" ] && return
  echo "generating $1: 1920x1080, $2 s..." >&2
  ffmpeg -hide_banner -v error -nostdin -f lavfi -i "testsrc2=size=1920x1080:rate=30" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000" -t "$2" -c:v libx264 -preset veryfast \
    -crf 20 -g 60 -pix_fmt yuv420p -c:a aac -b:a 128k -y "$out.tmp.mp4"
  mv "$out.tmp.mp4" "$out"
}

# timed GROUP NAME CMD...: appends "GROUP NAME wall cpu" to $work/times;
# a failure is reported and the pair skipped.
timed() {
  local group="$1" name="$2"; shift 2
  /usr/bin/time -f "$group $name %e %U %S" -o "$work/one" "$@" >/dev/null 2>"$work/err" ||
    { echo "$group: $name failed: $(tail -2 "$work/err")" >&2; return 1; }
  cat "$work/one" >>"$work/times"
}

label=("$work/belgi-cli" label -overwrite -out "$work/out")

# full GROUP CLIP [ENCODER]: plain re-encode against Belgi's defaults.
full() {
  for ((i = 0; i < rounds; i++)); do
    timed "$1" plain ffmpeg -hide_banner -v error -nostdin -y -i "$2" -map 0 -c copy \
      -c:v "${3:-libx264}" -preset medium -crf 18 "$work/plain.${2##*.}" &&
      timed "$1" belgi "${label[@]}" "$2" || return 0
  done
}

# smart GROUP CLIP: "badge first 5 s" smart against full.
smart() {
  for ((i = 0; i < rounds; i++)); do
    timed "$1" whole "${label[@]}" -video-badge start:5 -smart-render=false "$2" &&
      timed "$1" smart "${label[@]}" -video-badge start:5 "$2" || return 0
  done
}

generate full "$full_secs"
full "gen-${full_secs}s" "$clips/full-${full_secs}s.mp4"
generate smart "$smart_secs"
smart "gen-${smart_secs}s" "$clips/smart-${smart_secs}s.mp4"
if [ -d "$real" ]; then
  for f in "$real"/*; do
    codec=$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name -of csv=p=0 "$f" 2>/dev/null | head -1 || true)
    case "$codec" in h264) enc=libx264 ;; hevc) enc=libx265 ;; *) continue ;; esac
    dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f" 2>/dev/null || echo 0)
    full "$(basename "$f")" "$f" "$enc"
    if awk "BEGIN { exit !(${dur:-0} + 0 > 10) }"; then smart "$(basename "$f")" "$f"; fi
  done
fi

# Best of each (group, name); then per group: belgi vs plain, smart vs
# whole.
awk '{ k = $1 SUBSEP $2; w = $3; c = $4 + $5
       if (!(k in bw) || w < bw[k]) bw[k] = w
       if (!(k in bc) || c < bc[k]) bc[k] = c
       if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END {
    printf "%-48s %-6s %8s %8s   %s\n", "clip", "run", "wall s", "cpu s", "ratio (wall, cpu)"
    for (i = 1; i <= n; i++) { g = order[i]
      split("plain belgi whole smart", names, " ")
      for (j = 1; j <= 4; j++) { k = g SUBSEP names[j]; if (!(k in bw)) continue
        r = ""
        if (names[j] == "belgi") r = sprintf("%+.1f%% %+.1f%% vs plain", (bw[k] / bw[g SUBSEP "plain"] - 1) * 100, (bc[k] / bc[g SUBSEP "plain"] - 1) * 100)
        if (names[j] == "smart") r = sprintf("%.1f%% %.1f%% of whole", bw[k] / bw[g SUBSEP "whole"] * 100, bc[k] / bc[g SUBSEP "whole"] * 100)
        printf "%-48s %-6s %8.2f %8.2f   %s\n", substr(g, 1, 48), names[j], bw[k], bc[k], r } }
  }' "$work/times"
