#!/bin/sh
# Regenerates the README's pictures of the label assets: the badge PNG
# belgi-cli assets writes, and a frame of its ProRes 4444 clip composited
# by ffmpeg over a drawn background, as an editor's timeline shows it.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/belgi-cli" ./cmd/belgi-cli
ffmpeg -v error -y -f lavfi -i "gradients=s=640x360:c0=0x1d3557:c1=0x457b9d:c2=0xa8dadc:x0=0:y0=0:x1=640:y1=360:nb_colors=3,drawbox=x=380:y=170:w=200:h=140:c=0xe63946@0.9:t=fill,drawbox=x=60:y=60:w=160:h=220:c=0xf1faee@0.8:t=fill" -frames:v 1 "$tmp/bg.png"
"$tmp/belgi-cli" assets -o "$tmp/pack" -frame 640x360 -video-badge start:5 -slate >/dev/null
ffmpeg -v error -y -i "$tmp/bg.png" -i "$tmp/pack/belgi-badge.mov" -filter_complex "[0:v][1:v]overlay=0:0" -frames:v 1 docs/assets-composite.png
cp "$tmp/pack/belgi-badge.png" docs/assets-badge.png
