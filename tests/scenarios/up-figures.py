#!/usr/bin/env python3
"""Whole-process figures of the real `tui up --headless` on generated configs (run through the .sh wrappers):

  restart [--restarts N]   a service that exits at once, zero backoff: crash to new child alive, median and p95
  start [--processes N]    time until N processes are running, from Tui's spawn and from the engine's first start,
                           beside the harness starting the same children itself (the loaded machine's floor)
  idle [--children N] [--seconds S]   Tui's own CPU % and RSS from /proc while N `sleep` children idle
  ps [--processes N] [--calls N]      wall time of `tui ps --json` (a fresh process each call) against N processes

Each run gets its own temp dir (config, stamps, XDG state and runtime dirs), is stopped with SIGTERM to Tui's pid,
and afterwards every child pid it saw is checked gone (and SIGKILLed by pid if not). Standard library only.
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TUI = os.path.join(ROOT, "src", "Tui.App", "bin", "Release", "net10.0", "tui")
# --aot: the native build README recommends installing (dotnet publish -p:PublishAot=true).
AOT_DIR = os.path.join(ROOT, "src", "Tui.App", "bin", "aot")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# Long enough for a loaded machine (load ~25 on 2 cores) to start .NET and 50 children; short enough to fail a hang.
WAIT_LIMIT_S = 120
# Tui stops its children with stop_timeout (default 10 s) before SIGKILL; this covers it with room to spare.
STOP_LIMIT_S = 30
# Polling a file or /proc for the harness' own waits; below the resolution of what is measured (ms lines).
POLL_S = 0.005
# A headless line: "16:22:23.937 crash starting -> running (pid 14161)".
LINE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) (\S+) (\S+) -> (\S+) \((.*)\)$")
PID = re.compile(r"^pid (\d+)$")
# A child that records "epoch-seconds.micros pid" with bash's $EPOCHREALTIME: no fork for a clock, so the stamp is
# the child's own first (and, for the crasher, last) instruction.
STAMP = 'echo "$EPOCHREALTIME $$" >> stamps'


def build(aot):
    if aot:
        subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Tui.App"), "-c", "Release", "-r", "linux-x64",
                        "-p:PublishAot=true", "-o", AOT_DIR, "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    else:
        subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(ROOT, "src", "Tui.App"), "-v", "quiet", "-nologo"],
                       check=True, stdout=subprocess.DEVNULL)


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


class Run:
    """One `tui up --headless` in its own temp dir; a context manager that always stops it and its children by pid."""

    def __init__(self, config):
        self.dir = tempfile.mkdtemp(prefix="tui-up-figures-")
        for sub in ("state", "run"):
            os.makedirs(os.path.join(self.dir, sub), mode=0o700)
        with open(os.path.join(self.dir, "tui.toml"), "w") as f:
            f.write(config)
        self.out_path = os.path.join(self.dir, "out.txt")
        self.proc = None
        self.spawned_at = None

    def __enter__(self):
        env = dict(os.environ, TZ="UTC", XDG_STATE_HOME=os.path.join(self.dir, "state"),
                   XDG_RUNTIME_DIR=os.path.join(self.dir, "run"))
        out = open(self.out_path, "w")
        self.spawned_at = time.time()
        self.proc = subprocess.Popen([TUI, "up", "-c", "tui.toml", "--headless"], cwd=self.dir, env=env,
                                     stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        out.close()
        return self

    def __exit__(self, *exc):
        try:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(STOP_LIMIT_S)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            leftovers = [pid for pid in self.child_pids() if alive(pid)]
            for pid in leftovers:
                # A child left behind is a Tui bug worth shouting about; still clean it up, by its group and pid.
                for target in (-pid, pid):
                    try:
                        os.kill(target, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
            if leftovers:
                print(f"  WARNING: children alive after Tui stopped (killed now): {leftovers}")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
        return False

    def lines(self):
        with open(self.out_path) as f:
            text = f.read()
        if self.proc.poll() is not None:
            raise RuntimeError(f"tui exited with {self.proc.returncode}:\n{text[-2000:]}")
        return text.splitlines()

    def events(self):
        """(seconds since the epoch, process, from, to, reason) of each state-change line, read as UTC (TZ=UTC)."""
        today = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        result = []
        for line in self.lines():
            m = LINE.match(line)
            if m:
                h, mi, s, ms = (int(x) for x in m.group(1, 2, 3, 4))
                result.append((today + h * 3600 + mi * 60 + s + ms / 1000, *m.group(5, 6, 7, 8)))
        return result

    def stamps(self):
        path = os.path.join(self.dir, "stamps")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            rows = [line.split() for line in f.read().splitlines()]
        return [(float(t), int(pid)) for t, pid in (r for r in rows if len(r) == 2)]

    def child_pids(self):
        pids = {pid for _, pid in self.stamps()}
        try:
            for _, _, _, _, reason in self.events():
                m = PID.match(reason)
                if m:
                    pids.add(int(m.group(1)))
        except RuntimeError:
            pass
        return pids

    def wait_until(self, ready, what):
        deadline = time.time() + WAIT_LIMIT_S
        while time.time() < deadline:
            value = ready()
            if value:
                return value
            time.sleep(POLL_S)
        raise TimeoutError(f"{what} not within {WAIT_LIMIT_S}s")


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def restart(restarts):
    config = f"""[processes.crash]
command = ["bash", "-c", '{STAMP}; exit 1']
restart = "always"
backoff = {{ initial = "0s", factor = 1, max = "0s" }}
"""
    with Run(config) as run:
        run.wait_until(lambda: len(run.stamps()) > restarts, f"{restarts} restarts")
        stamps = run.stamps()
        events = run.events()
    # The child's view: its last instruction before exit 1 to the next child's first, each taken with $EPOCHREALTIME
    # (so this includes exec of setsid and bash and bash's start-up, on top of Tui noticing the exit and spawning).
    by_child = [(b[0] - a[0]) * 1000 for a, b in zip(stamps, stamps[1:restarts + 1])]
    distinct = len({pid for _, pid in stamps}) == len(stamps)
    # Tui's view, from the headless lines (ms resolution): "-> backoff (exit 1 ...)" to the next "-> running (pid N)".
    by_tui, crashed = [], None
    for at, _, _, to, reason in events:
        if to == "backoff":
            crashed = at
        elif to == "running" and crashed is not None:
            by_tui.append((at - crashed) * 1000)
            crashed = None
    by_tui = by_tui[:restarts]
    return {"child": (statistics.median(by_child), percentile(by_child, 95)),
            "tui": (statistics.median(by_tui), percentile(by_tui, 95)), "count": len(by_child), "distinct": distinct}


def start(processes):
    config = "".join(f"""[processes.p{i:02}]
command = ["bash", "-c", '{STAMP}; exec sleep 1000']
""" for i in range(processes))
    with Run(config) as run:
        spawned = run.spawned_at
        run.wait_until(lambda: len(run.stamps()) >= processes, f"{processes} children")
        last_stamp = max(t for t, _ in run.stamps())
        run.wait_until(lambda: len([e for e in run.events() if e[3] == "running"]) >= processes, "running lines")
        events = run.events()
    first_start = min(at for at, _, _, to, _ in events if to == "starting")
    running = sorted(at for at, _, _, to, _ in events if to == "running")
    return {"spawn_to_all_alive": (last_stamp - spawned) * 1000,
            "engine_first_start_to_all_alive": (last_stamp - first_start) * 1000,
            "engine_first_start_to_last_running_line": (running[processes - 1] - first_start) * 1000}


def start_baseline(processes):
    """The machine's floor for the same work: this harness starts the same children itself through setsid, one after
    the other as fast as it can, and times the first spawn to the last child's stamp."""
    work = tempfile.mkdtemp(prefix="tui-up-figures-")
    children = []
    try:
        began = time.time()
        for _ in range(processes):
            children.append(subprocess.Popen(["setsid", "bash", "-c", f"{STAMP}; exec sleep 1000"], cwd=work,
                                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL))
        path = os.path.join(work, "stamps")

        def stamps():
            if not os.path.exists(path):
                return []
            with open(path) as f:
                return [float(line.split()[0]) for line in f.read().splitlines() if len(line.split()) == 2]
        deadline = time.time() + WAIT_LIMIT_S
        while len(stamps()) < processes and time.time() < deadline:
            time.sleep(POLL_S)
        if len(stamps()) < processes:
            raise TimeoutError(f"baseline: {processes} children not within {WAIT_LIMIT_S}s")
        return (max(stamps()) - began) * 1000
    finally:
        for child in children:
            # setsid exec'd in place (Popen's child is no group leader), so each pid leads its own group.
            for target in (-child.pid, child.pid):
                try:
                    os.kill(target, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            child.wait()
        shutil.rmtree(work, ignore_errors=True)


def read_cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of stat)


def read_status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def idle(children, seconds):
    config = "".join(f"""[processes.s{i:02}]
command = ["sleep", "1000"]
""" for i in range(children))
    with Run(config) as run:
        pid = run.proc.pid
        run.wait_until(lambda: len([e for e in run.events() if e[3] == "running"]) >= children, f"{children} running")
        # Start-up work (JIT, config, first stats rounds) is not idling; let it finish before measuring.
        time.sleep(IDLE_SETTLE_S)
        ticks0, wall0 = read_cpu_ticks(pid), time.monotonic()
        peak_rss = 0
        while time.monotonic() - wall0 < seconds:
            peak_rss = max(peak_rss, read_status_kb(pid, "VmRSS"))
            time.sleep(1)
        ticks1, wall1 = read_cpu_ticks(pid), time.monotonic()
        rss = read_status_kb(pid, "VmRSS")
        threads = read_status_kb(pid, "Threads")
        running = len([e for e in run.events() if e[3] == "running"])
    cpu = (ticks1 - ticks0) / CLOCK_TICKS / (wall1 - wall0) * 100
    return {"cpu_percent": cpu, "rss_mb": rss / 1024, "peak_rss_mb": max(peak_rss, rss) / 1024, "threads": threads,
            "running_lines": running}


# Seconds between the last child running and the start of the idle measurement.
IDLE_SETTLE_S = 3


def ps(processes, calls):
    """Each call is a new `tui ps --json` process against the running instance, timed from spawn to exit."""
    config = "".join(f"""[processes.p{i:02}]
command = ["sleep", "1000"]
""" for i in range(processes))
    with Run(config) as run:
        run.wait_until(lambda: len([e for e in run.events() if e[3] == "running"]) >= processes, f"{processes} running")
        env = dict(os.environ, XDG_STATE_HOME=os.path.join(run.dir, "state"), XDG_RUNTIME_DIR=os.path.join(run.dir, "run"))
        times, listed = [], 0
        for _ in range(calls):
            began = time.perf_counter()
            out = subprocess.run([TUI, "ps", "--json", "-c", "tui.toml"], cwd=run.dir, env=env, capture_output=True,
                                 text=True, check=True).stdout
            times.append((time.perf_counter() - began) * 1000)
            listed = out.count('"name"')
    return {"median_ms": statistics.median(times), "best_ms": min(times), "listed": listed}


def summary(name, values, unit, digits=1):
    return f"{name}: best {min(values):.{digits}f} {unit}, median {statistics.median(values):.{digits}f} {unit} " \
           f"(runs: {', '.join(f'{v:.{digits}f}' for v in values)})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=["restart", "start", "idle", "ps"])
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--restarts", type=int, default=100)
    parser.add_argument("--processes", type=int, default=50)
    parser.add_argument("--children", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--aot", action="store_true", help="measure the native (NativeAOT) build instead of the JIT one")
    a = parser.parse_args()
    global TUI
    if a.aot:
        TUI = os.path.join(AOT_DIR, "tui")
    if not a.no_build:
        build(a.aot)
    print(f"tui up --headless{' (native build)' if a.aot else ''}, scenario {a.scenario}, {a.runs} runs, load average {load_average()} "
          f"on {os.cpu_count()} cores")
    results = []
    for i in range(a.runs):
        if a.scenario == "restart":
            r = restart(a.restarts)
            print(f"  run {i + 1}: {r['count']} restarts, crash to new child alive (child stamps) median "
                  f"{r['child'][0]:.2f} ms p95 {r['child'][1]:.2f} ms; exit seen to running (Tui lines) median "
                  f"{r['tui'][0]:.0f} ms p95 {r['tui'][1]:.0f} ms; every pid new: {r['distinct']}; load {load_average()}")
        elif a.scenario == "start":
            r = start(a.processes)
            r["baseline"] = start_baseline(a.processes)
            print(f"  run {i + 1}: engine's first start to all {a.processes} alive {r['engine_first_start_to_all_alive']:.0f} ms"
                  f" (to the last running line {r['engine_first_start_to_last_running_line']:.0f} ms); from spawning tui "
                  f"{r['spawn_to_all_alive']:.0f} ms; the harness itself starting the same {a.processes} children with setsid "
                  f"{r['baseline']:.0f} ms; load {load_average()}")
        elif a.scenario == "ps":
            r = ps(a.processes, a.calls)
            print(f"  run {i + 1}: {a.calls} calls of tui ps --json listing {r['listed']} processes: median "
                  f"{r['median_ms']:.1f} ms, best {r['best_ms']:.1f} ms; load {load_average()}")
        else:
            r = idle(a.children, a.seconds)
            print(f"  run {i + 1}: {r['running_lines']} children running; over {a.seconds:.0f} s Tui used "
                  f"{r['cpu_percent']:.2f}% CPU; RSS {r['rss_mb']:.1f} MB (peak {r['peak_rss_mb']:.1f} MB), "
                  f"{r['threads']} threads; load {load_average()}")
        results.append(r)
    if a.scenario == "restart":
        print(summary("restart median, child stamps", [r["child"][0] for r in results], "ms", 2) + "   target < 10 ms")
        print(summary("restart p95, child stamps", [r["child"][1] for r in results], "ms", 2))
        print(summary("restart median, Tui lines", [r["tui"][0] for r in results], "ms"))
        print(summary("restart p95, Tui lines", [r["tui"][1] for r in results], "ms"))
    elif a.scenario == "start":
        print(summary(f"{a.processes} processes, engine start to all alive",
                      [r["engine_first_start_to_all_alive"] for r in results], "ms") + "   target < 300 ms")
        print(summary(f"{a.processes} processes, spawning tui to all alive", [r["spawn_to_all_alive"] for r in results], "ms"))
        print(summary(f"{a.processes} processes, harness baseline (no Tui)", [r["baseline"] for r in results], "ms"))
    elif a.scenario == "ps":
        print(summary("tui ps --json, median of calls", [r["median_ms"] for r in results], "ms") + "   target < 50 ms")
    else:
        print(summary("idle CPU", [r["cpu_percent"] for r in results], "%", 2) + "   target < 0.5%")
        print(summary("idle RSS", [r["rss_mb"] for r in results], "MB") + "   target < 60 MB")
    print(f"load average at the end {load_average()}")


if __name__ == "__main__":
    try:
        main()
    except (TimeoutError, RuntimeError, subprocess.CalledProcessError) as e:
        print(f"up-figures: {e}", file=sys.stderr)
        sys.exit(1)
