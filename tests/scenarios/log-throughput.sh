#!/bin/sh
# The issue's log figure: a child writing 1,000,000 lines of 100 bytes, its run time under Tui's log capture
# (ProcessLog + log file) against writing to /dev/null, and zero lines lost in the file.
# Usage: tests/scenarios/log-throughput.sh [--lines N] [--runs N]     (from the repository root)
set -eu
cd "$(dirname "$0")/../.."
dotnet build -c Release tests/Tui.Scenarios -v quiet -nologo >/dev/null
exec dotnet run -c Release --no-build --project tests/Tui.Scenarios -- log-throughput "$@"
