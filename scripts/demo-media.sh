#!/usr/bin/env bash
# Sample sound (and, with the video kind, clips) for the demo, made with
# ffmpeg from its own test sources: a chord with a slow tremolo standing
# in for music, and a voice made by espeak-ng where it is installed.
# Usage: scripts/demo-media.sh DIR
set -euo pipefail
dir=${1:?usage: demo-media.sh DIR}
command -v ffmpeg >/dev/null || { echo "demo: ffmpeg missing, skipping audio and video samples" >&2; exit 0; }
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }

music="sine=f=220:d=12,volume=0.35[a];sine=f=277:d=12,volume=0.3[b];sine=f=330:d=12,volume=0.25[c];[a][b][c]amix=3,tremolo=f=0.5:d=0.4"
[ -f "$dir/jingle.mp3" ] || ff -f lavfi -i "$music" -ac 2 -ar 44100 -c:a libmp3lame -b:a 160k "$dir/jingle.mp3"
if command -v espeak-ng >/dev/null && [ ! -f "$dir/interview.wav" ]; then
  espeak-ng -v kk -s 150 -w "$dir/.voice.wav" "Бүгін біз жасанды интеллект туралы сөйлесеміз. Бұл дауыс синтезделген."
  ff -i "$dir/.voice.wav" -ar 48000 -ac 1 -c:a pcm_s16le "$dir/interview.wav"
  rm -f "$dir/.voice.wav"
fi
[ -f "$dir/newsclip.mp4" ] || ff -f lavfi -i "testsrc2=s=960x540:r=25:d=6" -f lavfi -i "$music" -t 6 \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -b:a 128k -shortest "$dir/newsclip.mp4"
