#!/bin/sh
# Renders krakow-desk.svg to the PNG sizes the desktop and Windows want (committed; re-run after
# changing the SVG). Needs rsvg-convert (Debian: librsvg2-bin).
set -eu
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" krakow-desk.svg -o "krakow-desk-$size.png"
done
# Windows: the executable's and the installer's icon (ImageMagick).
convert krakow-desk-16.png krakow-desk-32.png krakow-desk-48.png krakow-desk-64.png \
  krakow-desk-128.png krakow-desk-256.png krakow-desk.ico
