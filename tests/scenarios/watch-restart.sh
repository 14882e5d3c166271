#!/bin/sh
# The hot-reload figure: from the write of a watched file to the new process running, minus the debounce, for Tui's
# supervisor and for nodemon (installed into a temp dir with npm) restarting the same tiny sh program, side by side.
# Usage: tests/scenarios/watch-restart.sh [--rounds N]     (from anywhere; needs node and npm)
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tmp" nodemon >/dev/null
dotnet run -c Release watch-bench.cs -- restart "$tmp/node_modules/.bin/nodemon" "$@"
