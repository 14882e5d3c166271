#!/bin/sh
# Wall time of `tui check`, process start to exit, on processes.example.toml and on a generated 200-process config.
# Usage: tests/scenarios/check-latency.sh [--processes N] [--runs N] [--tui PROGRAM] [--baseline PROGRAM] [--no-build]     (from anywhere; needs python3)
set -eu
exec python3 "$(dirname "$0")/check-latency.py" "$@"
