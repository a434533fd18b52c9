#!/usr/bin/env bash
# Installs what govreport needs on a fresh Debian/Ubuntu machine: poppler-glib (with the
# cairo and GLib headers it brings) and pkg-config. Swift itself must already be installed.
set -euo pipefail
if pkg-config --exists poppler-glib 2>/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends libpoppler-glib-dev pkg-config >/dev/null
pkg-config --exists poppler-glib
