#!/bin/sh
# Issue 11's pool figure: 1,000 jobs of `true` through ProcessManager with WithMaxConcurrent(8), against a plain
# loop starting them 8 at a time with Process.Start; the ratio of the wall times (target <= 1.3) in one run.
# Usage: tests/scenarios/pool.sh [--jobs N] [--pool N] [--managed-first] [--submit-all] [--managed-only]     (from anywhere)
set -eu
cd "$(dirname "$0")/../.."
dotnet build -c Release tests/Tui.Scenarios -v quiet -nologo >/dev/null
exec dotnet run -c Release --no-build --project tests/Tui.Scenarios -- pool "$@"
