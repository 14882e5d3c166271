#!/bin/sh
# The HTTP API's figures against the real `tui up --headless` with [settings.api] and 50 processes (default):
# GET /processes latency (unix socket and TCP), SSE delivery latency, RSS added by serving.
# Usage: tests/scenarios/http-bench.sh [--processes N] [--requests N] [--cycles N] [--aot] [--no-build]     (needs python3)
set -eu
exec python3 "$(dirname "$0")/http-bench.py" "$@"
