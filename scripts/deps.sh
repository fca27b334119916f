#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Belgi needs, only those missing.
# Usage: scripts/deps.sh media|desktop|test|docs
#   media   - what the CLI uses at run time: ffmpeg, espeak-ng, and libheif,
#             which opens HEIC and AVIF about 4x faster than the built-in decoder
#   desktop - media + what the Fyne app needs to build
#   test    - desktop + the verifiers and the headless display tests use
#   docs    - test + wkhtmltoimage, which draws the report for the README
# As root it runs apt-get; otherwise sudo; with neither it prints the
# command and fails, so nothing is half-done silently.
set -euo pipefail

media=(ffmpeg espeak-ng libheif1)
# Where libheif's codecs are plugins (Debian 13, Ubuntu 24.04 and later),
# these decode HEIC and AVIF; older releases build them in and lack these
# names, so each is added only where apt knows it.
heif_plugins=(libheif-plugin-libde265 libheif-plugin-dav1d)
desktop=(gcc pkg-config libgl1-mesa-dev libgl1-mesa-dri libx11-dev libxcursor-dev
  libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libasound2-dev libgtk-3-dev)
verify=(sox wavpack poppler-utils qpdf libjpeg-turbo-progs libimage-exiftool-perl libarchive-zip-perl xvfb xauth xdotool imagemagick unzip libvips-tools bc
  webp libxml2-utils odt2txt)

case "${1:-media}" in
  media) want=("${media[@]}") ;;
  desktop) want=("${media[@]}" "${desktop[@]}") ;;
  test) want=("${media[@]}" "${desktop[@]}" "${verify[@]}") ;;
  docs) want=("${media[@]}" "${desktop[@]}" "${verify[@]}" wkhtmltopdf) ;;
  *) echo "usage: $0 media|desktop|test|docs" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: not a Debian/Ubuntu system; install these yourself: ${want[*]}" >&2
  exit 0
fi

# missing NAME...: those of the names not installed.
missing() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

# install NAME...: apt-get as root, sudo otherwise; with neither, print
# the command and fail.
install() {
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $*"
  echo "deps: installing $*" >&2
  if [ "$(id -u)" = 0 ]; then
    sh -c "$cmd"
  elif command -v sudo >/dev/null 2>&1; then
    sudo sh -c "$cmd"
  else
    echo "deps: missing packages and no root or sudo; run as root:" >&2
    echo "  $cmd" >&2
    exit 1
  fi
}

mapfile -t need < <(missing "${want[@]}")
[ ${#need[@]} -eq 0 ] || install "${need[@]}"

# The plugins are looked up only now: on a fresh machine apt knows no
# package names until the install above has updated its lists.
plugins=()
for p in "${heif_plugins[@]}"; do
  apt-cache show "$p" >/dev/null 2>&1 && plugins+=("$p")
done
[ ${#plugins[@]} -eq 0 ] && exit 0
mapfile -t need < <(missing "${plugins[@]}")
[ ${#need[@]} -eq 0 ] || install "${need[@]}"
