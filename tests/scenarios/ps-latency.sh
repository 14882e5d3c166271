#!/bin/sh
# Wall time of `tui ps --json` (a new process per call, as a script or shell completion runs it) against the real
# `tui up --headless` supervising 50 processes (default).
# Usage: tests/scenarios/ps-latency.sh [--processes N] [--calls N] [--runs N] [--aot] [--no-build]     (from anywhere; needs python3)
set -eu
exec python3 "$(dirname "$0")/up-figures.py" ps "$@"
