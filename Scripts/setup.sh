#!/usr/bin/env bash
# Installs what govreport needs on a fresh Debian/Ubuntu machine: poppler-glib (with the
# cairo and GLib headers it brings), libxml2 (its HTML parser reads web-page reports),
# SQLite (the batch archive, through GRDB) and pkg-config; and, for the tests, headless
# Chromium with a CJK font (the HTML check report is tested in a real browser).
# Swift itself must already be installed. zlib's headers for ZIPFoundation (Word .docx).
# With --with-office, also LibreOffice Writer (headless), which converts .doc, .wps, .rtf and
# .odt reports to .docx; without it those inputs fail with needs_converter (exit 10).
set -euo pipefail
office=0
for arg in "$@"; do
  case "$arg" in
    --with-office) office=1 ;;
    *) echo "usage: bash Scripts/setup.sh [--with-office]" >&2; exit 2 ;;
  esac
done
need=()
pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
[ "$office" -eq 1 ] && { command -v soffice >/dev/null || need+=(libreoffice-writer-nogui); }
command -v chromium >/dev/null || need+=(chromium fonts-wqy-zenhei)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
pkg-config --exists poppler-glib libxml-2.0 sqlite3
