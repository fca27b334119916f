#!/usr/bin/env bash
# Times `belgi-cli label` on a 1080p 30 s clip against a plain ffmpeg
# re-encode with the same encoder settings (libx264 CRF 18, preset
# medium, sound copied), in one run on one machine, and prints Belgi's
# overhead in wall time and in CPU time (user+sys, children included:
# steadier than wall time on a shared machine). The target is under
# 10 %: badge overlay, frame sampling, marks and read-back must cost
# little next to the encode a video editor pays for anyway.
#
# Usage: bench/video.sh [seconds]     (default 30)
#   ROUNDS=n  alternate plain/Belgi runs n times and keep each's best
#   SPOKEN=1  also time labeling with the spoken notice (re-encodes sound)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-30}"
rounds="${ROUNDS:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

CGO_ENABLED=0 go build -o "$work/belgi-cli" ./cmd/belgi-cli
echo "generating a 1920x1080 ${secs} s clip (testsrc2 + sine)..." >&2
ffmpeg -hide_banner -v error -f lavfi -i "testsrc2=size=1920x1080:rate=30" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000" -t "$secs" \
  -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -c:a aac -b:a 128k "$work/in.mp4"

# timed NAME CMD... appends "NAME wall cpu" to $work/times.
timed() {
  local name="$1"; shift
  /usr/bin/time -f "$name %e %U %S" -a -o "$work/times" "$@" >/dev/null 2>"$work/$name.err" ||
    { cat "$work/$name.err" >&2; exit 1; }
}

for ((i = 0; i < rounds; i++)); do
  timed plain ffmpeg -hide_banner -v error -nostdin -y -i "$work/in.mp4" -map 0 \
    -c copy -c:v libx264 -crf 18 -preset medium -pix_fmt yuv420p "$work/plain.mp4"
  timed belgi "$work/belgi-cli" label -overwrite -out "$work/out" -video-spoken=false \
    -crf 18 -video-preset medium "$work/in.mp4"
  if [ "${SPOKEN:-0}" = 1 ]; then
    timed spoken "$work/belgi-cli" label -overwrite -out "$work/spoken" \
      -crf 18 -video-preset medium "$work/in.mp4"
  fi
done

awk '{ w = $2; c = $3 + $4
       if (!($1 in bw) || w < bw[$1]) bw[$1] = w
       if (!($1 in bc) || c < bc[$1]) bc[$1] = c }
  END {
    printf "%-8s %9s %9s %10s %10s\n", "run", "wall s", "cpu s", "wall ovh", "cpu ovh"
    n = split("plain belgi spoken", order, " ")
    for (i = 1; i <= n; i++) { k = order[i]; if (!(k in bw)) continue
      printf "%-8s %9.2f %9.2f %+9.1f%% %+9.1f%%\n", k, bw[k], bc[k],
        (bw[k] - bw["plain"]) / bw["plain"] * 100, (bc[k] - bc["plain"]) / bc["plain"] * 100 }
  }' "$work/times"
