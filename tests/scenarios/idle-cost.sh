#!/bin/sh
# Tui's own CPU % and RSS (from /proc) while the real `tui up --headless` supervises 20 idle `sleep` children (default)
# for 20 s (default).
# Usage: tests/scenarios/idle-cost.sh [--children N] [--seconds S] [--runs N] [--no-build]     (from anywhere; needs python3)
set -eu
exec python3 "$(dirname "$0")/up-figures.py" idle "$@"
