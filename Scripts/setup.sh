#!/usr/bin/env bash
# Installs what govreport needs on a fresh Debian/Ubuntu machine: poppler-glib (with the
# cairo and GLib headers it brings), libxml2 (its HTML parser reads web-page reports),
# SQLite (the batch archive, through GRDB), Tesseract with its chi_sim and eng data (OCR of
# scanned reports) and pkg-config; and, for the tests, headless
# Chromium with a CJK font (the HTML check report is tested in a real browser).
# Swift itself must already be installed.
set -euo pipefail
need=()
pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
# OCR of scanned reports: Tesseract 5's C API (opened at run time) and its Chinese and English data.
[ -f /usr/include/tesseract/capi.h ] || need+=(libtesseract-dev)
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || need+=(tesseract-ocr-chi-sim)
[ -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] || need+=(tesseract-ocr-eng)
command -v chromium >/dev/null || need+=(chromium fonts-wqy-zenhei)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
pkg-config --exists poppler-glib libxml-2.0 sqlite3
