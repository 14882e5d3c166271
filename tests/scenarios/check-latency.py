#!/usr/bin/env python3
"""Wall time of `tui check` (a fresh process per call, as a user or an editor hook runs it), from spawn to exit.

Two configs: the repository's processes.example.toml, and a generated one with N processes (default 200) written the
way users write them (a [processes.NAME] table each, with a command, group, restart policy, env and a readiness check).
Each config is checked --runs times (default 30) after two warm-up calls; the median and p90 are printed in ms.
The exit code of every call must be 0 (the generated config is valid), so a broken parser cannot look fast.

--tui PATH measures another build (e.g. one of an older commit, to compare before and after); by default the
Release build of this checkout is built and used. Standard library only.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TUI = os.path.join(ROOT, "src", "Tui.App", "bin", "Release", "net10.0", "tui")
EXAMPLE = os.path.join(ROOT, "processes.example.toml")


def generated_config(processes):
    lines = ['[settings]', 'shutdown_timeout = "10s"', '', '[env]', 'REGION = "${REGION:-eu}"', '']
    for i in range(processes):
        lines += [
            f'[processes.svc{i}]',
            f'command = "echo starting svc{i}; exec sleep 3600"',
            f'group = "group{i % 10}"',
            'restart = "on-failure"',
            'stop_timeout = "5s"',
            f'env = {{ PORT = "{8000 + i}", NAME = "svc{i}" }}',
            'readiness = { exec = "true", interval = "2s" }',
            '',
        ]
    return "\n".join(lines)


def time_check(tui, config, runs):
    command = [tui, "check", "-c", config]
    for _ in range(2):
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append((time.perf_counter_ns() - started) / 1e6)
        if result.returncode != 0:
            sys.exit(f"tui check {config} failed (exit {result.returncode}): {result.stderr.decode(errors='replace')}")
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.9))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--tui", help="the tui program to measure (default: this checkout's Release build)")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    tui = args.tui or TUI
    if not args.tui and not args.no_build:
        subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(ROOT, "src", "Tui.App"), "-v", "quiet", "-nologo"],
                       check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="tui-check-latency-") as scratch:
        generated = os.path.join(scratch, "tui.toml")
        with open(generated, "w") as f:
            f.write(generated_config(args.processes))
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
        print(f"tui check, {args.runs} runs each, load average {load}")
        for label, config in (("processes.example.toml", EXAMPLE), (f"{args.processes} processes", generated)):
            median, p90 = time_check(tui, config, args.runs)
            print(f"  {label:24} median {median:6.1f} ms  p90 {p90:6.1f} ms")


if __name__ == "__main__":
    main()
