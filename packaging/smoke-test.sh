#!/bin/sh
# Smoke test of a built bundle: packaging/smoke-test.sh dist/krakow-desk
# The bundle is copied away from the source tree and run with an empty environment (no venv, no
# PYTHONPATH, a fresh data folder), as on a machine where it was just unpacked.
set -eu

[ $# -eq 1 ] && [ -x "$1/krakow-desk" ] || { echo "usage: $0 BUNDLE_DIR (holding krakow-desk)" >&2; exit 2; }
work=$(mktemp -d /tmp/krakow-desk-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -a "$1" "$work/krakow-desk"
mkdir "$work/home" "$work/data" "$work/out"
cd "$work/out"
app="$work/krakow-desk/krakow-desk"
db="$work/out/smoke.sqlite3"

run() {
  env -i PATH=/usr/bin:/bin HOME="$work/home" KRAKOW_DESK_HOME="$work/data" LANG=C.UTF-8 "$app" "$@"
}
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
step() { printf '%-48s' "$1"; }

step "--version"
run --version | grep -q "^krakow-desk [0-9]" || fail "--version"
echo ok
step "init (Polish catalog)"
run --db "$db" init > init.txt 2>&1 || { cat init.txt; fail "init"; }
grep -q "Baza gotowa" init.txt || { cat init.txt; fail "init did not answer in Polish"; }
echo ok
step "records --json"
run --db "$db" records --json > records.json || fail "records"
grep -q '"nearest"' records.json || fail "records --json has no \"nearest\""
echo ok
step "search kijow --json"
run --db "$db" search kijow --json > search.json || fail "search"
grep -q '"kyiv"' search.json || fail "search kijow did not find Kyiv"
echo ok
step "report dossier Kyiv --lang en"
run --db "$db" report dossier Kijów -o x.pdf --lang en >/dev/null || fail "report dossier"
[ "$(head -c 5 x.pdf)" = "%PDF-" ] || fail "the dossier is not a PDF"
echo ok
step "report annual 2005"
run --db "$db" report annual 2005 -o y.pdf >/dev/null || fail "report annual"
[ "$(head -c 5 y.pdf)" = "%PDF-" ] || fail "the annual summary is not a PDF"
echo ok
step "Qt's Polish catalog (qtbase_pl.qm)"
[ -n "$(find "$work/krakow-desk" -name qtbase_pl.qm)" ] || fail "qtbase_pl.qm missing"
echo ok

# The window: still running when the timeout stops it (exit 124) means it started and did not
# crash; it has opened its database by then.
step "window (offscreen, 15 s)"
status=0
env -i PATH=/usr/bin:/bin HOME="$work/home" KRAKOW_DESK_HOME="$work/data" LANG=C.UTF-8 \
  QT_QPA_PLATFORM=offscreen timeout 15 "$app" --db "$work/out/window.sqlite3" > window.txt 2>&1 || status=$?
if [ "$status" -ne 124 ] || grep -q Traceback window.txt || [ ! -s "$work/out/window.sqlite3" ]; then
  cat window.txt
  fail "the window exited with $status"
fi
echo ok
echo "bundle smoke test passed ($(du -sh "$work/krakow-desk" | cut -f1))"
