#!/bin/sh
# Installs Krakow Desk from this unpacked tarball, with its desktop entry, icons and AppStream
# metadata, so that it appears among the applications.
#
#   ./install.sh                  for you alone: ~/.local/lib/krakow-desk, ~/.local/bin/krakow-desk
#   sudo ./install.sh --system    for everyone: /opt/krakow-desk, /usr/local/bin/krakow-desk
#   ./install.sh --prefix DIR     DIR/lib/krakow-desk, DIR/bin, DIR/share
#   ./install.sh --uninstall      (with the same --system or --prefix) removes it again
set -eu

ID=pl.krakow.KrakowDesk
here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME:-}/.local"
app_dir=""
action=install

while [ $# -gt 0 ]; do
  case "$1" in
    --system) prefix=/usr/local; app_dir=/opt/krakow-desk ;;
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
              prefix=$2; shift ;;
    --prefix=*) prefix=${1#--prefix=} ;;
    --uninstall) action=uninstall ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
[ -n "$app_dir" ] || app_dir="$prefix/lib/krakow-desk"
share="$prefix/share"
sizes="16 32 48 64 128 256"

refresh() {
  # The menus pick the entry up without these, only later; they are absent on some systems.
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [ "$action" = uninstall ]; then
  rm -rf "$app_dir"
  rm -f "$prefix/bin/krakow-desk" "$share/applications/$ID.desktop" "$share/metainfo/$ID.metainfo.xml" \
        "$share/icons/hicolor/scalable/apps/$ID.svg"
  for size in $sizes; do rm -f "$share/icons/hicolor/${size}x${size}/apps/$ID.png"; done
  refresh
  echo "Krakow Desk removed from $app_dir (your data folder is kept)."
  exit 0
fi

[ -x "$here/krakow-desk/krakow-desk" ] || { echo "install.sh: run it from the unpacked tarball" >&2; exit 1; }

# A new version replaces the old folder whole: files the old one had must not linger.
rm -rf "$app_dir.new"
mkdir -p "$(dirname "$app_dir")" "$prefix/bin" "$share/applications" "$share/metainfo" \
         "$share/icons/hicolor/scalable/apps"
cp -a "$here/krakow-desk" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sf "$app_dir/krakow-desk" "$prefix/bin/krakow-desk"

# The entry names the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed -e "s|^Exec=.*|Exec=$app_dir/krakow-desk|" \
    "$here/$ID.desktop" > "$share/applications/$ID.desktop"
cp "$here/$ID.metainfo.xml" "$share/metainfo/$ID.metainfo.xml"
cp "$here/icons/krakow-desk.svg" "$share/icons/hicolor/scalable/apps/$ID.svg"
for size in $sizes; do
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$here/icons/krakow-desk-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$ID.png"
done
refresh
echo "Krakow Desk installed in $app_dir; start it from the menu or with $prefix/bin/krakow-desk"
