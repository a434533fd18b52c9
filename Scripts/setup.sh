#!/usr/bin/env bash
# Installs what govreport needs on a fresh Debian/Ubuntu machine: poppler-glib (with the
# cairo and GLib headers it brings), libxml2 (its HTML parser reads web-page reports),
# SQLite (the batch archive, through GRDB) and pkg-config. Swift itself must already be installed.
set -euo pipefail
if pkg-config --exists poppler-glib libxml-2.0 sqlite3 2>/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libpoppler-glib-dev libxml2-dev libsqlite3-dev pkg-config >/dev/null
pkg-config --exists poppler-glib libxml-2.0 sqlite3
