#!/bin/sh
# Restart latency of the real `tui up --headless`: a service that exits at once with zero backoff, crash to new child
# alive, median and p95 over 100 restarts (default), from the children's own stamps and from Tui's headless lines.
# Usage: tests/scenarios/restart-latency.sh [--restarts N] [--runs N] [--no-build]     (from anywhere; needs bash, python3)
set -eu
exec python3 "$(dirname "$0")/up-figures.py" restart "$@"
