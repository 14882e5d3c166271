#!/bin/sh
# 1,000 jobs of `true` (default) through the engine's pool of 8 (settings.max_concurrent_jobs) against a plain loop
# that keeps 8 Process.Start children going at a time; prints both wall times and their ratio (goal: <= 1.3).
# Usage: tests/scenarios/pool-throughput.sh [--jobs N] [--pool N] [--rounds N]     (from anywhere)
set -eu
cd "$(dirname "$0")/../.."
dotnet build -c Release tests/Tui.Scenarios -v quiet -nologo >/dev/null
exec dotnet run -c Release --no-build --project tests/Tui.Scenarios -- pool-throughput "$@"
