#!/bin/sh
# CPU cost of health probes: the real `tui up --headless` with 100 `sleep` children, each with a 1-second readiness
# probe (tcp, http, exec), beside the same children with none.
# Usage: tests/scenarios/probe-cost.sh [--processes N] [--seconds S] [--runs N] [--kinds none,tcp,http,exec,exec-counted] [--no-build] [--tui PATH]
set -eu
exec python3 "$(dirname "$0")/probe-cost.py" "$@"
