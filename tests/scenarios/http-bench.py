#!/usr/bin/env python3
"""Whole-process figures of the HTTP API of the real `tui up --headless` with [settings.api] (run through http-bench.sh):

  GET /processes with N processes (default 50): latency over M sequential requests on one keep-alive connection
                 (default 2,000, after 200 of warm-up), p50 and p99, on the unix socket and on 127.0.0.1 with the token
  SSE            from the engine raising a state event (its "at" time) to this client having read it from GET /events,
                 p50 and p99 over K stop/start cycles of one process
  RSS            of Tui with the API served, idle and after the runs above, minus Tui without [settings.api], same
                 config, all measured from /proc 2 s after the processes are up
  --aot          runs the native build (what README recommends installing) instead of the JIT build

Each run gets its own temp dir (config, XDG state and runtime dirs), is stopped with SIGTERM to Tui's pid, and its
children are checked gone. Standard library only.
"""
import argparse
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TUI = os.path.join(ROOT, "src", "Tui.App", "bin", "Release", "net10.0", "tui")
# --aot: the native build README recommends installing (dotnet publish -p:PublishAot=true).
AOT_DIR = os.path.join(ROOT, "src", "Tui.App", "bin", "aot")
WAIT_LIMIT_S = 120
STOP_LIMIT_S = 30
POLL_S = 0.005


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("tui")
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


class Run:
    """One `tui up --headless`; a context manager that always stops it by pid."""

    def __init__(self, program, processes, api_listen):
        self.program = program
        self.dir = tempfile.mkdtemp(prefix="tui-http-bench-")
        for sub in ("state", "run"):
            os.makedirs(os.path.join(self.dir, sub), mode=0o700)
        config = ""
        if api_listen is not False:
            config += "[settings.api]\n" + (f'listen = "{api_listen}"\n' if api_listen else "") + "\n"
        config += "".join(f'[processes.p{i:02}]\ncommand = "exec sleep 1000"\ngroup = "g{i % 5}"\n\n' for i in range(processes))
        with open(os.path.join(self.dir, "tui.toml"), "w") as f:
            f.write(config)
        self.processes = processes

    def __enter__(self):
        env = dict(os.environ, TZ="UTC", XDG_STATE_HOME=os.path.join(self.dir, "state"),
                   XDG_RUNTIME_DIR=os.path.join(self.dir, "run"))
        self.out = open(os.path.join(self.dir, "out.txt"), "w")
        self.proc = subprocess.Popen([self.program, "up", "-c", "tui.toml", "--headless"], cwd=self.dir, env=env,
                                     stdout=self.out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
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
            self.out.close()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
        return False

    def output(self):
        with open(os.path.join(self.dir, "out.txt")) as f:
            return f.read()

    def wait_until(self, ready, what):
        deadline = time.time() + WAIT_LIMIT_S
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"tui exited with {self.proc.returncode}:\n{self.output()[-2000:]}")
            value = ready()
            if value:
                return value
            time.sleep(POLL_S)
        raise TimeoutError(f"{what} not within {WAIT_LIMIT_S}s")

    def running_lines(self):
        return self.output().count(" -> running (pid ")

    def all_running(self):
        self.wait_until(lambda: self.running_lines() >= self.processes, f"{self.processes} processes running")

    def socket_path(self):
        found = glob.glob(os.path.join(self.dir, "run", "tui", "*.http.sock"))
        return found[0] if found else None

    def token(self):
        found = glob.glob(os.path.join(self.dir, "state", "tui", "*.api-token"))
        return open(found[0]).read().strip() if found else None

    def rss_kib(self):
        return self.status_kib("VmRSS")

    def status_kib(self, field):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise RuntimeError(f"no {field}")

    def rss_parts(self):
        """Anonymous memory (heaps, JIT code) and file pages (the assemblies and native libraries mapped)."""
        return f"anon {self.status_kib('RssAnon') / 1024:.1f} MB, file {self.status_kib('RssFile') / 1024:.1f} MB"


def connection(run, tcp_port):
    if tcp_port is None:
        return UnixConnection(run.wait_until(run.socket_path, "the API socket")), {}
    return http.client.HTTPConnection("127.0.0.1", tcp_port), {"Authorization": "Bearer " + run.wait_until(run.token, "the token")}


def get_latencies(conn, headers, requests, warmup, processes):
    times = []
    for i in range(warmup + requests):
        started = time.perf_counter()
        conn.request("GET", "/processes", headers=headers)
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise RuntimeError(f"GET /processes: {response.status} {body[:200]!r}")
        if i == 0 and len(json.loads(body)) != processes:
            raise RuntimeError("GET /processes did not list every process")
        if i >= warmup:
            times.append(elapsed)
    return times


def sse_latencies(run, cycles):
    path = run.wait_until(run.socket_path, "the API socket")
    events = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    events.connect(path)
    events.sendall(b"GET /events HTTP/1.1\r\nHost: tui\r\n\r\n")
    reader = events.makefile("rb")
    while reader.readline() not in (b"\r\n", b""):
        pass  # the response headers (sent at once)
    control = UnixConnection(path)
    latencies = []
    for cycle in range(cycles):
        action = "stop" if cycle % 2 == 0 else "start"
        control.request("POST", f"/processes/p00/{action}")
        control.getresponse().read()
        wanted = "stopped" if action == "stop" else "running"
        while True:
            line = reader.readline()
            if not line:
                raise RuntimeError("the event stream ended")
            received = time.time()
            # Chunked transfer: data lines arrive whole inside chunks; only the event's JSON matters here.
            text = line.decode().strip()
            if not text.startswith("data: "):
                continue
            event = json.loads(text[6:])
            if isinstance(event, dict) and event.get("type") == "state" and event.get("process") == "p00" and event.get("to") == wanted:
                raised = datetime.fromisoformat(event["at"]).timestamp()
                latencies.append((received - raised) * 1000)
                break
    events.close()
    return latencies


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--aot", action="store_true", help="the native build (published to src/Tui.App/bin/aot)")
    args = parser.parse_args()
    program = os.path.join(AOT_DIR, "tui") if args.aot else TUI
    if not args.no_build:
        if args.aot:
            subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Tui.App"), "-c", "Release", "-r", "linux-x64",
                            "-p:PublishAot=true", "-o", AOT_DIR, "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
        else:
            subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(ROOT, "src", "Tui.App"), "-v", "quiet", "-nologo"],
                           check=True, stdout=subprocess.DEVNULL)
    print(f"program: {'native (AOT)' if args.aot else 'JIT'} build")
    with open("/proc/loadavg") as f:
        print(f"load average: {' '.join(f.read().split()[:3])}, {os.cpu_count()} cores")

    with Run(program, args.processes, False) as run:
        run.all_running()
        time.sleep(2)  # let the runtime settle (JIT, first GCs) before reading RSS: a measurement, not a synchronisation
        without_api = run.rss_kib()
        without_parts = run.rss_parts()

    with Run(program, args.processes, "") as run:
        run.all_running()
        time.sleep(2)
        idle_api = run.rss_kib()
        conn, headers = connection(run, None)
        unix = get_latencies(conn, headers, args.requests, args.warmup, args.processes)
        sse = sse_latencies(run, args.cycles)
        time.sleep(2)
        with_api = run.rss_kib()
        with_parts = run.rss_parts()

    port = free_port()
    with Run(program, args.processes, f"127.0.0.1:{port}") as run:
        run.all_running()
        conn, headers = connection(run, port)
        tcp = get_latencies(conn, headers, args.requests, args.warmup, args.processes)

    def row(name, values, p50_target, p99_target):
        p50, p99 = statistics.median(values), percentile(values, 99)
        verdict = "ok" if p50 < p50_target and p99 < p99_target else "MISSED"
        print(f"{name:<34} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  (target p50 < {p50_target}, p99 < {p99_target}: {verdict}) n={len(values)}")

    row(f"GET /processes ({args.processes}), unix socket", unix, 2, 10)
    row(f"GET /processes ({args.processes}), TCP+token", tcp, 2, 10)
    sse_p50 = statistics.median(sse)
    print(f"{'SSE state event, raised to read':<34} p50 {sse_p50:6.2f} ms  p99 {percentile(sse, 99):6.2f} ms  "
          f"(target < 5 ms: {'ok' if sse_p50 < 5 else 'MISSED'}) n={len(sse)}")
    added = (with_api - without_api) / 1024
    print(f"{'RSS added by serving':<34} {added:6.1f} MB after the runs above, {(idle_api - without_api) / 1024:.1f} MB idle "
          f"({without_api / 1024:.1f} MB without the API, {idle_api / 1024:.1f} idle with it, {with_api / 1024:.1f} after "
          f"{args.warmup + args.requests} requests and {args.cycles} SSE cycles; target < 15 MB: {'ok' if added < 15 else 'MISSED'})")
    print(f"{'':<34} without the API: {without_parts}; with it, after the runs: {with_parts}")


if __name__ == "__main__":
    sys.exit(main())
