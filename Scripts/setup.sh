#!/usr/bin/env bash
# Installs what govreport needs on a fresh Debian/Ubuntu machine. Swift itself must already be
# installed.
#
#   bash Scripts/setup.sh          what building and running need: poppler-glib (with the cairo
#                                  and GLib headers it brings), poppler-data (CJK encodings),
#                                  libxml2 (its HTML parser reads web-page reports), SQLite (the
#                                  batch archive, through GRDB) and pkg-config
#   bash Scripts/setup.sh --tests  also what only the tests need: headless Chromium with a CJK
#                                  font (the HTML check report is tested in a real browser) and
#                                  LibreOffice Calc (reports-wide.csv is opened in it)
set -euo pipefail
tests=false
[ "${1:-}" = "--tests" ] && tests=true
need=()
# Running.
pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
[ -d /usr/share/poppler/cMap ] || need+=(poppler-data)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
# Tests only.
if $tests; then
  command -v chromium >/dev/null || need+=(chromium fonts-wqy-zenhei)
  [ -e /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc-nogui)
fi
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
pkg-config --exists poppler-glib libxml-2.0 sqlite3
