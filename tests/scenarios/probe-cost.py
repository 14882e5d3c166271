#!/usr/bin/env python3
"""CPU cost of health probes in the real `tui up --headless`: N `sleep` children (default 100), each with a readiness
probe every second (tcp, http or exec), beside the same children with no probe. Tui's CPU % is read from /proc over
S seconds once every child is ready: its own (utime + stime) and with the exec probes it reaped (cutime + cstime).
The tcp and http probes hit a tiny server run by this harness (its CPU is not Tui's). Kind exec-counted is an exec
probe that appends a line to a file (`sh -c 'echo >> probes'`), so the probes run are counted and Tui's CPU per probe
is shown: on a loaded machine fewer probes run per second, and CPU % alone then flatters the slower build.

Builds on up-figures.py (the Run harness: own temp dir, SIGTERM to Tui, every child pid checked gone). Stdlib only.
"""
import argparse
import http.server
import importlib.util
import os
import socket
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("up_figures", os.path.join(HERE, "up-figures.py"))
up = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(up)

# Start-up work (JIT, first probe rounds) is not the steady state; let it pass before measuring.
SETTLE_S = 3


class TcpServer:
    """Accepts connections on a loopback port and closes them at once (what a tcp probe needs)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(256)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            client.close()

    def close(self):
        self.sock.close()


class HttpServer:
    """Answers every GET with 200 "ok" (what an http probe needs)."""

    def __init__(self):
        counter = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                counter.accepted += 1
                self.send_response(200)
                self.send_header("Content-Length", "3")
                self.end_headers()
                self.wfile.write(b"ok\n")

            def log_message(self, *args):
                pass

        self.accepted = 0
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def probe_line(kind, port):
    return {
        "none": "",
        "tcp": f'readiness = {{ tcp = {port}, interval = "1s" }}\n',
        "http": f'readiness = {{ http = "http://127.0.0.1:{port}/health", interval = "1s" }}\n',
        "exec": 'readiness = { exec = ["true"], interval = "1s" }\n',
        "exec-counted": 'readiness = { exec = ["sh", "-c", "echo >> probes"], interval = "1s" }\n',
    }[kind]


def read_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    own = int(fields[11]) + int(fields[12])          # utime + stime
    return own, own + int(fields[13]) + int(fields[14])  # + cutime + cstime (reaped exec probes)


def measure(kind, processes, seconds):
    server = TcpServer() if kind == "tcp" else HttpServer() if kind == "http" else None
    port = server.port if server else 0
    config = "".join(f'[processes.p{i:03}]\ncommand = ["sleep", "1000"]\n{probe_line(kind, port)}' for i in range(processes))
    try:
        with up.Run(config) as run:
            pid = run.proc.pid
            run.wait_until(lambda: len([e for e in run.events() if e[3] == "ready"]) >= processes, f"{processes} ready")
            time.sleep(SETTLE_S)
            accepted0 = server.accepted if server else count_probes(run)
            (own0, all0), wall0 = read_ticks(pid), time.monotonic()
            time.sleep(seconds)
            (own1, all1), wall1 = read_ticks(pid), time.monotonic()
            rss = up.read_status_kb(pid, "VmRSS") / 1024
            threads = up.read_status_kb(pid, "Threads")
            accepted1 = server.accepted if server else count_probes(run)
            probes_per_s = ((accepted1 - accepted0) / (wall1 - wall0)) if server or kind == "exec-counted" else None
    finally:
        if server:
            server.close()
    span = (wall1 - wall0) * up.CLOCK_TICKS
    probes = accepted1 - accepted0
    return {"own": (own1 - own0) / span * 100, "with_children": (all1 - all0) / span * 100, "rss": rss,
            "threads": threads, "probes_per_s": probes_per_s,
            "own_ms_per_probe": (own1 - own0) / up.CLOCK_TICKS * 1000 / probes if probes > 0 else None}


def count_probes(run):
    """Lines the exec-counted probes appended (0 for the other kinds, which write nothing)."""
    try:
        with open(os.path.join(run.dir, "probes"), "rb") as f:
            return f.read().count(b"\n")
    except FileNotFoundError:
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--kinds", default="none,tcp,http,exec", help="any of none,tcp,http,exec,exec-counted")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--tui", help="measure this tui binary (say, a copy of the build before a change) instead of the "
                                      "Release build; implies --no-build")
    a = parser.parse_args()
    if a.tui:
        up.TUI = os.path.abspath(a.tui)
    elif not a.no_build:
        up.build(False)  # the JIT build; up.build takes whether to publish the native one
    print(f"{up.TUI} up --headless, {a.processes} processes with a readiness probe every 1 s, {a.runs} runs of {a.seconds:.0f} s, "
          f"load average {up.load_average()} on {os.cpu_count()} cores")
    for kind in a.kinds.split(","):
        results = [measure(kind, a.processes, a.seconds) for _ in range(a.runs)]
        for i, r in enumerate(results):
            rate = f", {r['probes_per_s']:.0f} probes/s seen by the server" if r["probes_per_s"] is not None else ""
            if r["own_ms_per_probe"] is not None and kind == "exec-counted":
                rate = f", {r['probes_per_s']:.0f} probes/s counted, Tui {r['own_ms_per_probe']:.3f} CPU-ms per probe"
            print(f"  {kind:4} run {i + 1}: Tui {r['own']:.2f}% CPU (with reaped probe children {r['with_children']:.2f}%), "
                  f"RSS {r['rss']:.1f} MB, {r['threads']} threads{rate}; load {up.load_average()}")
        print("  " + up.summary(f"{kind} CPU", [r["own"] for r in results], "%", 2))
        if kind == "exec-counted":
            print("  " + up.summary("exec-counted Tui CPU per probe", [r["own_ms_per_probe"] or 0 for r in results], "ms", 3))
        if kind in ("exec", "exec-counted"):
            print("  " + up.summary("exec CPU with probe children", [r["with_children"] for r in results], "%", 2))
    print(f"load average at the end {up.load_average()}")


if __name__ == "__main__":
    try:
        main()
    except (TimeoutError, RuntimeError) as e:
        print(f"probe-cost: {e}", file=sys.stderr)
        sys.exit(1)
