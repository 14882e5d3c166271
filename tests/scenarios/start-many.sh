#!/bin/sh
# Time for the real `tui up --headless` to start 50 processes (default): from the engine's first start, and from
# spawning tui, to the last child alive.
# Usage: tests/scenarios/start-many.sh [--processes N] [--runs N] [--no-build]     (from anywhere; needs bash, python3)
set -eu
exec python3 "$(dirname "$0")/up-figures.py" start "$@"
