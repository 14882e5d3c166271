#!/usr/bin/env bash
# Regenerates the monitor screenshots in this folder from the real program on processes.example.toml:
# the dark (default) and light themes, a log search, the help overlay and the command palette, each at 120x40.
# Needs tmux, python3, aha and chromium (apt-get install -y tmux aha chromium), and the tools that sit
# beside this repository in ../shared/tools (override with TOOLS=...).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=${TOOLS:-../shared/tools}
SIZE=${SIZE:-120x40}
OUT=screenshots

dotnet build src/Tui.App -c Release -nologo -v quiet >/dev/null
TUI=(dotnet src/Tui.App/bin/Release/net10.0/tui.dll up -c processes.example.toml)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# shot NAME STEP... : runs the monitor, plays the steps, keeps the last capture as NAME.png.
# The first step lets a dozen seconds of logs and stats accumulate, so the sparklines have something to show.
shot() {
  local name=$1; shift
  "$TOOLS/tui-drive" -s "$SIZE" -o "$WORK/$name" --wait-text 'ready' \
    -k 'sleep:12' "$@" -k 'snap:final' -k Escape -k q -k y -k 'exit:20' -- "${TUI[@]}"
  local last
  last=$(ls "$WORK/$name"/*-final.ansi)
  "$TOOLS/ansi2png" -s "$SIZE" "$last" "$OUT/$name.png"
  echo "wrote $OUT/$name.png"
}

shot monitor-dark -k j
shot monitor-light -k j -k t -k t -k t -k 'wait:theme: light' -k 'sleep:1'
shot monitor-search -k Enter -k / -k 'text:GET /health' -k Enter -k 'sleep:1'
shot monitor-help -k '?'
shot monitor-palette -k j -k : -k 'text:rest' -k 'sleep:1'
