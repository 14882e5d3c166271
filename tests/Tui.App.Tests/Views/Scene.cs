using System.Collections.Immutable;
using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Tests.Fakes;
using Tui.App.Views;
using Tui.Core.Config;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;
using static Tui.App.Tests.Fakes.TestProcesses;

namespace Tui.App.Tests.Views;

/// <summary>
/// A scripted stack for view tests: services, a crashing one in backoff, a job with progress, a finished job and a
/// failed one; deterministic stats history and logs (stdout, stderr, Tui's own lines, ANSI colours), fixed clock.
/// </summary>
internal sealed class Scene : IDisposable
{
    public FakeSupervisor Engine { get; }
    public AppState State { get; private set; }

    public Scene(int width, int height)
    {
        Engine = new FakeSupervisor("/srv/app/processes.toml",
            Snapshot("db", pid: 4100, up: TimeSpan.FromHours(2.5), command: "postgres -D /var/lib/pg"),
            Snapshot("api", "web", ProcessState.Ready, pid: 4121, up: TimeSpan.FromSeconds(192), health: "ok", command: "python3 -m http.server 8080"),
            Snapshot("front", "web", pid: 4130, up: TimeSpan.FromSeconds(192), restarts: 1, lastExit: new ExitStatus(1, null), command: "node server.js"),
            Snapshot("worker", "web", ProcessState.Backoff, restarts: 3, lastExit: new ExitStatus(3, null), reason: "exit 3", restartIn: TimeSpan.FromSeconds(3.2), command: "./worker --queue jobs"),
            Snapshot("train", "jobs", pid: 4200, up: TimeSpan.FromSeconds(40), progress: 0.45, kind: ProcessKind.Job, command: "python3 train.py --epochs 100"),
            Snapshot("report", "jobs", ProcessState.Completed, lastExit: new ExitStatus(0, null), reason: "exit 0", kind: ProcessKind.Job),
            Snapshot("migrate", "jobs", ProcessState.Failed, reason: "command not found: migrate-db", kind: ProcessKind.Job));

        foreach (var (name, baseCpu, baseMem) in new[] { ("db", 3.0, 180L << 20), ("api", 12.0, 84L << 20), ("front", 4.0, 120L << 20), ("train", 95.0, 1200L << 20) })
        {
            for (int i = 0; i < 60; i++)
            {
                double cpu = baseCpu * (1 + 0.6 * Math.Sin(i / 4.0));
                long mem = baseMem + (long)(baseMem * 0.1 * Math.Sin(i / 9.0));
                Engine.AddStats(new ProcessStats(name, Now.AddSeconds(i - 60), cpu, mem, 4, 12, name == "db" ? 3 : 1, TimeSpan.FromMinutes(3)), publish: false);
            }
        }

        var t0 = Now.AddSeconds(-30);
        Engine.AddLog("api", "Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...", at: t0);
        for (int i = 0; i < 40; i++)
        {
            var at = t0.AddSeconds(i * 0.7);
            Engine.AddLog("api", $"127.0.0.1 - - \"GET /users/{i} HTTP/1.1\" 200 {100 + i * 7}", at: at);
            if (i % 9 == 4) Engine.AddLog("api", $"warning: slow query took {i * 13}ms", LogStream.Stderr, at);
            if (i % 6 == 0) Engine.AddLog("front", $"\u001b[32minfo\u001b[0m rendered /page/{i} in {i + 3}ms", at: at.AddMilliseconds(100));
            if (i % 10 == 0) Engine.AddLog("db", $"LOG:  checkpoint complete: wrote {i * 3} buffers", at: at.AddMilliseconds(200));
        }
        Engine.AddLog("worker", "connecting to queue jobs", at: Now.AddSeconds(-8));
        Engine.AddLog("worker", "fatal: queue jobs does not exist", LogStream.Stderr, Now.AddSeconds(-7));
        Engine.AddLog("worker", "exited with code 3; restarting in 4s (attempt 3)", LogStream.System, Now.AddSeconds(-7));

        var counts = Engine.Current.ToDictionary(p => p.Name, p => (long)Engine.RecentLogs(p.Name, int.MaxValue).Count);
        State = Reducer.Normalize(new AppState
        {
            ConfigPath = Engine.ConfigPath,
            Keys = KeyMap.Default,
            Processes = Engine.Current,
            Stats = Engine.Current.Where(p => p.State.IsAlive())
                .ToDictionary(p => p.Name, p => Engine.StatsHistory(p.Name).LastOrDefault())
                .Where(kv => kv.Value is not null)
                .ToImmutableDictionary(kv => kv.Key, kv => kv.Value!),
            LogCounts = counts.ToImmutableDictionary(),
            Restarts = System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableList<RestartRecord>>.Empty
                .Add("worker", [
                    new RestartRecord(Now.AddSeconds(-40), 1, TimeSpan.FromMilliseconds(500), "crash: exit 3"),
                    new RestartRecord(Now.AddSeconds(-25), 2, TimeSpan.FromSeconds(1), "crash: exit 3"),
                    new RestartRecord(Now.AddSeconds(-7), 3, TimeSpan.FromSeconds(2), "crash: exit 3"),
                ]),
            Now = Now,
            Width = width,
            Height = height,
        });
    }

    public Scene Do(Func<AppState, AppState> step)
    {
        State = step(State);
        return this;
    }

    public Scene Keys(string keys) => Do(s =>
    {
        foreach (var c in keys) s = Reducer.Update(s, Msg.KeyOf(c)).State;
        return s;
    });

    public Scene Key(KeyCode code) => Do(s => Reducer.Update(s, Msg.KeyOf(code)).State);

    public Scene Send(Msg msg) => Do(s => Reducer.Update(s, msg).State);

    public Scene Select(string process) => Do(s => Reducer.Select(s, RowKey.Process(process)));

    public CellBuffer Render()
    {
        var buffer = new CellBuffer(State.Width, State.Height);
        ShellView.Render(State, Engine, buffer);
        return buffer;
    }

    public void Dispose() => Engine.Dispose();
}
