#!/bin/sh
# Watching a large tree: setup time and memory of one recursive watch over 1,000 folders x 100 files (default),
# and the time until a change deep in it is seen.
# Usage: tests/scenarios/watch-tree.sh [--dirs N] [--files N]     (from anywhere)
set -eu
cd "$(dirname "$0")"
exec dotnet run -c Release watch-bench.cs -- tree "$@"
