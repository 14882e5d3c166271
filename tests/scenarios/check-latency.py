#!/usr/bin/env python3
"""Wall time of `tui check` (a fresh process per call, as a user or an editor hook runs it), from spawn to exit.

Two configs: the repository's processes.example.toml, and a generated one with N processes (default 200) written the
way users write them (a [processes.NAME] table each, with a command, group, restart policy, env and a readiness check).
Each config is checked --runs times (default 30) after two warm-up calls; the median and p90 wall time are printed
in ms, with the median CPU time of the process (user + system), which a busy machine inflates far less.
The exit code of every call must be 0 (the generated config is valid), so a broken parser cannot look fast.

--tui PATH measures another build; by default the Release build of this checkout is built and used.
--baseline PATH (e.g. a build of an older commit) is measured in the same loop, one call of each in turn, so a
machine whose load drifts during the run weighs on both alike; the difference of the medians is printed too.
Standard library only.
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


def one_check(program, config):
    """Wall ms from spawn to exit, and the process' own CPU ms (user + system, from wait4), of one call."""
    started = time.perf_counter_ns()
    child = subprocess.Popen([program, "check", "-c", config], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    error = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter_ns() - started) / 1e6
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode != 0:
        sys.exit(f"{program} check {config} failed (exit {child.returncode}): {error.decode(errors='replace')}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def time_checks(programs, config, runs):
    """Median and p90 wall ms, and median CPU ms, of `PROGRAM check -c config` for each program, called in turn."""
    for program in programs:
        for _ in range(2):
            one_check(program, config)
    walls = {program: [] for program in programs}
    cpus = {program: [] for program in programs}
    for _ in range(runs):
        for program in programs:
            wall, cpu = one_check(program, config)
            walls[program].append(wall)
            cpus[program].append(cpu)
    figures = {}
    for program in programs:
        values = sorted(walls[program])
        figures[program] = (statistics.median(values), values[min(len(values) - 1, int(len(values) * 0.9))],
                            statistics.median(cpus[program]))
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--tui", help="the tui program to measure (default: this checkout's Release build)")
    parser.add_argument("--baseline", help="another tui program measured in the same loop, to compare against")
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
        programs = [tui] + ([args.baseline] if args.baseline else [])
        for label, config in (("processes.example.toml", EXAMPLE), (f"{args.processes} processes", generated)):
            figures = time_checks(programs, config, args.runs)
            median, p90, cpu = figures[tui]
            print(f"  {label:24} median {median:6.1f} ms  p90 {p90:6.1f} ms  cpu {cpu:6.1f} ms")
            if args.baseline:
                base_median, base_p90, base_cpu = figures[args.baseline]
                print(f"  {'  baseline':24} median {base_median:6.1f} ms  p90 {base_p90:6.1f} ms  cpu {base_cpu:6.1f} ms"
                      f"   difference: median {median - base_median:+.1f} ms, cpu {cpu - base_cpu:+.1f} ms")


if __name__ == "__main__":
    main()
