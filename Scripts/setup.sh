#!/usr/bin/env bash
# Installs what govreport needs on a fresh Debian/Ubuntu machine. Swift itself must already be
# installed.
#
#   bash Scripts/setup.sh                what building and running need: poppler-glib (with the
#                                        cairo and GLib headers it brings), poppler-data (CJK
#                                        encodings), libxml2 (web pages and Word's XML), zlib's
#                                        headers (ZIPFoundation, for Word .docx), SQLite (the batch
#                                        archive, through GRDB), Tesseract with its chi_sim and
#                                        eng data (OCR of scanned reports) and pkg-config
#   bash Scripts/setup.sh --with-office  also LibreOffice Writer (headless), which converts .doc,
#                                        .wps, .rtf and .odt reports to .docx; without it those
#                                        inputs fail with needs_converter (exit 10)
#   bash Scripts/setup.sh --tests        also what only the tests need: headless Chromium with a
#                                        CJK font (the HTML reports are tested in a real browser),
#                                        LibreOffice Writer (a .doc is converted) and Calc
#                                        (reports-wide.csv is opened in it)
set -euo pipefail
tests=false
office=false
for arg in "$@"; do
  case "$arg" in
    --tests) tests=true ;;
    --with-office) office=true ;;
    *) echo "usage: bash Scripts/setup.sh [--with-office] [--tests]" >&2; exit 2 ;;
  esac
done
need=()
# Running.
pkg-config --exists poppler-glib 2>/dev/null || need+=(libpoppler-glib-dev)
[ -d /usr/share/poppler/cMap ] || need+=(poppler-data)
pkg-config --exists libxml-2.0 2>/dev/null || need+=(libxml2-dev)
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
pkg-config --exists sqlite3 2>/dev/null || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
# OCR of scanned reports: Tesseract 5's C API (opened at run time) and its Chinese and English data.
[ -f /usr/include/tesseract/capi.h ] || need+=(libtesseract-dev)
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || need+=(tesseract-ocr-chi-sim)
[ -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] || need+=(tesseract-ocr-eng)
# LibreOffice's modules: a `soffice` may come with Calc alone (libreoffice-calc-nogui), which
# cannot open a .doc; Writer is libswlo.so, Calc libsclo.so, in soffice's own program folder.
office_has() {
  local soffice
  soffice=$(command -v soffice) || return 1
  [ -e "$(dirname "$(readlink -f "$soffice")")/$1" ]
}
# Converting Word-processor formats.
if $office || $tests; then
  office_has libswlo.so || need+=(libreoffice-writer-nogui)
fi
# Tests only (they also convert a .doc with Writer).
if $tests; then
  command -v chromium >/dev/null || need+=(chromium fonts-wqy-zenhei)
  office_has libsclo.so || need+=(libreoffice-calc-nogui)
fi
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
pkg-config --exists poppler-glib libxml-2.0 sqlite3 zlib
