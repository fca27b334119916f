#!/usr/bin/env bash
# Times labeling an hour of audio, side by side with sox and ffmpeg doing
# the same join (notice + programme) in the same run, and prints × real
# time (3600 s of audio / seconds taken). Usage: bench/audio.sh [workdir]
# Needs ffmpeg and sox; builds belgi-cli from this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
cli="$work/belgi-cli"
CGO_ENABLED=0 go build -o "$cli" ./cmd/belgi-cli

secs=3600
echo "preparing an hour of 44.1 kHz stereo in $work ..." >&2
ffmpeg -v error -y -f lavfi -i "sine=f=220:d=$secs:sample_rate=44100,volume=4" \
  -f lavfi -i "anoisesrc=d=$secs:r=44100:a=0.02" -filter_complex "[0][1]amix=2,pan=stereo|c0=c0|c1=c0" \
  -c:a pcm_s16le "$work/hour.wav"
ffmpeg -v error -y -i "$work/hour.wav" -c:a libmp3lame -b:a 128k "$work/hour.mp3"
"$cli" notice -lang kk,ru -rate 44100 -channels 2 -o "$work/notice.wav" >/dev/null
ffmpeg -v error -y -i "$work/notice.wav" -c:a libmp3lame -b:a 128k "$work/notice.mp3"
printf "file '%s'\nfile '%s'\n" "$work/notice.wav" "$work/hour.wav" >"$work/wav.txt"
printf "file '%s'\nfile '%s'\n" "$work/notice.mp3" "$work/hour.mp3" >"$work/mp3.txt"

run() { # name command...
  local start end
  sync
  start=$(date +%s.%N)
  if ! "${@:2}" >/dev/null 2>&1; then
    printf "%-44s failed (not supported by this build)\n" "$1"
    return 0
  fi
  end=$(date +%s.%N)
  awk -v n="$1" -v s="$start" -v e="$end" -v a="$secs" 'BEGIN { t = e - s; printf "%-44s %7.2f s  %7.0f× real time\n", n, t, a / t }'
}

rm -rf "$work/labeled"
run "belgi label WAV (bytes copied, LUFS matched)" "$cli" label -overwrite "$work/hour.wav"
run "sox join WAV" sox "$work/notice.wav" "$work/hour.wav" "$work/sox.wav"
run "ffmpeg concat WAV -c copy" ffmpeg -v error -y -f concat -safe 0 -i "$work/wav.txt" -c copy "$work/ff.wav"
run "belgi label MP3 (frames copied, LUFS matched)" "$cli" label -overwrite "$work/hour.mp3"
run "ffmpeg concat MP3 -c copy" ffmpeg -v error -y -f concat -safe 0 -i "$work/mp3.txt" -c copy "$work/ff.mp3"
run "sox join MP3 (decode + re-encode)" sox "$work/notice.mp3" "$work/hour.mp3" -C 128 "$work/sox.mp3"
run "ffmpeg concat MP3 re-encode" ffmpeg -v error -y -f concat -safe 0 -i "$work/mp3.txt" -c:a libmp3lame -b:a 128k "$work/ffre.mp3"
echo "belgi measures the programme's loudness (a full decode for MP3) and builds the notice; sox/ffmpeg join a ready notice at whatever level it has." >&2
