#!/usr/bin/env bash
# Builds govreport (release, Swift runtime linked in) and installs it under PREFIX with its man
# page (generated from the command's own help by swift-argument-parser's generate-manual plugin)
# and its bash, zsh and fish completions.
#
#   bash Scripts/install.sh                  # PREFIX=/usr/local
#   bash Scripts/install.sh "$HOME/.local"   # or PREFIX=… in the environment, or make install PREFIX=…
#
# Runs offline once the package's dependencies have been fetched (any earlier swift build).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-${PREFIX:-/usr/local}}"

swift build -c release --static-swift-stdlib
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/govreport"
# The plugin builds the package itself (in debug: quicker, and it leaves the release binary
# alone) and turns `govreport --experimental-dump-help` into a man page.
swift package plugin generate-manual --configuration debug >/dev/null
manual=".build/plugins/GenerateManual/outputs/govreport/govreport.1"
[ -f "$manual" ] || manual="$(find .build/plugins -name govreport.1 | head -n 1)"

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -s -m 755 "$bin" "$prefix/bin/govreport"
install -m 644 "$manual" "$prefix/share/man/man1/govreport.1"
"$bin" --generate-completion-script bash > "$prefix/share/bash-completion/completions/govreport"
"$bin" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_govreport"
"$bin" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/govreport.fish"
echo "installed $("$prefix/bin/govreport" --version): $prefix/bin/govreport, $prefix/share/man/man1/govreport.1"
