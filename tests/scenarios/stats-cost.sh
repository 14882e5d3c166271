#!/bin/sh
# CPU cost of one stats round over 100 supervised processes (default), as a share of one core at 1 round/s.
# Usage: tests/scenarios/stats-cost.sh [--processes N] [--rounds N]     (from the repository root)
set -eu
cd "$(dirname "$0")/../.."
dotnet build -c Release tests/Tui.Scenarios -v quiet -nologo >/dev/null
exec dotnet run -c Release --no-build --project tests/Tui.Scenarios -- stats-cost "$@"
