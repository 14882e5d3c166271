#:project ../../src/Tui.Core/Tui.Core.csproj
// The hot-reload figures (run through watch-restart.sh and watch-tree.sh, not by hand):
//   restart NODEMON_BIN [--rounds N]  from the write of a watched file to the new child running, minus the debounce,
//                                      for Tui's supervisor and for nodemon on the same tiny sh program, side by side.
//   tree [--dirs N] [--files N]       setup time and memory of a recursive watch on a generated tree, and that a
//                                      change deep in it is seen.
using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Core.Watching;

const int DebounceMs = 100; // the same quiet period for both tools (nodemon --delay 0.1)
var timeout = TimeSpan.FromSeconds(20);

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

long NowNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

string MakeWorkDir()
{
    var dir = Directory.CreateTempSubdirectory("tui-watch-bench-").FullName;
    Directory.CreateDirectory(Path.Combine(dir, "src"));
    File.WriteAllText(Path.Combine(dir, "src", "app.txt"), "v0\n");
    // The "program": says when it runs (ns since the epoch), then waits to be restarted.
    File.WriteAllText(Path.Combine(dir, "child.sh"), "#!/bin/sh\ndate +%s%N >> started\nexec sleep 1000\n");
    return dir;
}

async Task<long> NextStamp(string dir, int count)
{
    var file = Path.Combine(dir, "started");
    var deadline = DateTime.UtcNow + timeout;
    while (DateTime.UtcNow < deadline)
    {
        // A measurement harness polls the child's stamp file; 1 ms granularity is below what is measured.
        var lines = File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).ToArray() : [];
        if (lines.Length >= count && long.TryParse(lines[count - 1], out var stamp)) return stamp;
        await Task.Delay(1);
    }
    throw new TimeoutException($"no start #{count} within {timeout}");
}

async Task<List<double>> Rounds(string dir, int rounds, int firstCount)
{
    var latencies = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        await Task.Delay(300); // let the previous restart settle, so each round measures one cold save
        var written = NowNs();
        File.WriteAllText(Path.Combine(dir, "src", "app.txt"), $"v{round}\n");
        var started = await NextStamp(dir, firstCount + round);
        latencies.Add((started - written) / 1e6 - DebounceMs);
    }
    return latencies;
}

string Describe(List<double> ms)
{
    var sorted = ms.Order().ToList();
    return $"median {sorted[sorted.Count / 2],6:F1} ms   min {sorted[0],6:F1} ms   max {sorted[^1],6:F1} ms";
}

async Task<List<double>> MeasureTui(int rounds)
{
    var dir = MakeWorkDir();
    File.WriteAllText(Path.Combine(dir, "processes.toml"), $$"""
        [processes.app]
        command = ["sh", "child.sh"]
        stop_timeout = "2s"
        watch = { paths = ["src/**/*.txt"], debounce = "{{DebounceMs}}ms" }
        """);
    var config = ConfigLoader.Load(Path.Combine(dir, "processes.toml"));
    var groups = new List<int>();
    var supervisor = new Supervisor(config, new SupervisorOptions(new PosixProcessLauncher(), DefaultScheduler.Instance)
    {
        FileWatcher = SystemFileWatcher.Instance,
        WatchConfig = false,
    });
    using var tracking = supervisor.Events.OfType<ProcessStarted>().Subscribe(e => { lock (groups) groups.Add(e.Pid); });
    // Where the time goes in each restart: the change batch handed over, the old child gone, the new one spawned.
    var marks = new List<(string What, long Ns)>();
    using var timing = supervisor.Events.Subscribe(e =>
    {
        var what = e switch { RestartScheduled => "restart", ProcessExited => "exited", ProcessStarted => "spawned", _ => null };
        if (what is not null) lock (marks) marks.Add((what, NowNs()));
    });
    try
    {
        await supervisor.StartAsync();
        await NextStamp(dir, 1);
        var result = await Rounds(dir, rounds, 1);
        lock (marks)
        {
            var phases = marks.SkipWhile(m => m.What != "restart").Chunk(3).Where(c => c.Length == 3).ToList();
            double Median(Func<(string What, long Ns)[], double> f) => phases.Select(f).Order().ElementAt(phases.Count / 2);
            Console.WriteLine($"  tui phases (median): batch -> old child exited {Median(c => (c[1].Ns - c[0].Ns) / 1e6):F1} ms, exited -> new child spawned {Median(c => (c[2].Ns - c[1].Ns) / 1e6):F1} ms");
        }
        return result;
    }
    finally
    {
        await supervisor.DisposeAsync();
        lock (groups) foreach (var pgid in groups) ProcessGroup.KillGroupAndWait(pgid, TimeSpan.FromSeconds(5));
        Directory.Delete(dir, recursive: true);
    }
}

async Task<List<double>> MeasureNodemon(string nodemon, int rounds)
{
    var dir = MakeWorkDir();
    // setsid: nodemon and everything it starts form one group, removed by pgid at the end.
    var start = new ProcessStartInfo("setsid", [nodemon, "--watch", "src", "--ext", "txt", "--delay", (DebounceMs / 1000.0).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "--exec", "sh child.sh"])
    {
        WorkingDirectory = dir,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        RedirectStandardInput = true,
    };
    using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start nodemon");
    _ = process.StandardOutput.ReadToEndAsync();
    _ = process.StandardError.ReadToEndAsync();
    try
    {
        await NextStamp(dir, 1);
        await Task.Delay(1000); // chokidar finishes its initial scan after the first start
        return await Rounds(dir, rounds, 1);
    }
    finally
    {
        ProcessGroup.KillGroupAndWait(process.Id, TimeSpan.FromSeconds(5));
        await process.WaitForExitAsync();
        Directory.Delete(dir, recursive: true);
    }
}

async Task<int> Tree()
{
    var dirs = int.Parse(Arg("--dirs", "1000"));
    var files = int.Parse(Arg("--files", "100"));
    var root = Directory.CreateTempSubdirectory("tui-watch-tree-").FullName;
    try
    {
        for (var d = 0; d < dirs; d++)
        {
            // Ten top folders of dirs/10 each: a realistic depth of two.
            var folder = Path.Combine(root, $"pkg{d % 10}", $"mod{d}");
            Directory.CreateDirectory(folder);
            for (var f = 0; f < files; f++) File.WriteAllText(Path.Combine(folder, $"f{f}.cs"), "");
        }
        var rules = new WatchRules(new WatchConfig(["**/*.cs"], [], TimeSpan.FromMilliseconds(DebounceMs), null), root);
        // A first watch and drop, so the figure below is the walk and the watches, not the JIT.
        SystemFileWatcher.Instance.Watch(new WatchRoot(Path.Combine(root, "pkg0"), Recursive: true)).Subscribe(_ => { }).Dispose();
        GC.Collect();
        var watchesBefore = InotifyWatches();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var troubles = new List<string>();
        var clock = Stopwatch.StartNew();
        using var watch = SystemFileWatcher.Instance.Watch(rules.Roots.Single()).Subscribe(e =>
        {
            if (e is WatchTrouble t) lock (troubles) troubles.Add(t.Message);
            if (e is FileChanged c && rules.Match(c.FullPath) is { } path) seen.TrySetResult(path);
        });
        var setup = clock.Elapsed;
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var watches = InotifyWatches() - watchesBefore;
        var deep = Path.Combine(root, "pkg7", $"mod{dirs - 3}", "f42.cs");
        var written = Stopwatch.StartNew();
        File.WriteAllText(deep, "changed");
        var path = await seen.Task.WaitAsync(timeout);
        Console.WriteLine($"tree: {dirs + 10:N0} folders, {dirs * files:N0} files under one recursive watch (inotify: one watch per folder)");
        Console.WriteLine($"  setup            {setup.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"  managed memory   {(managedAfter - managedBefore) / 1024.0,8:F0} KiB");
        Console.WriteLine($"  inotify watches  {watches,8:N0}   (this user's limit: {File.ReadAllText("/proc/sys/fs/inotify/max_user_watches").Trim()})");
        Console.WriteLine($"  deep change seen {written.Elapsed.TotalMilliseconds,8:F1} ms after the write ({path})");
        Console.WriteLine($"  trouble          {(troubles.Count == 0 ? "none" : string.Join("; ", troubles))}");
        return 0;
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

// Watches this process holds, as the kernel lists them (one "inotify wd:" line per watch in each inotify fd's fdinfo).
static int InotifyWatches() => Directory.GetFiles("/proc/self/fdinfo").Sum(f =>
{
    try { return File.ReadLines(f).Count(l => l.StartsWith("inotify wd:", StringComparison.Ordinal)); }
    catch (IOException) { return 0; } // an fd closed while listing
});

switch (args.FirstOrDefault())
{
    case "restart":
        var nodemon = args.Length > 1 ? args[1] : throw new ArgumentException("restart NODEMON_BIN [--rounds N]");
        var rounds = int.Parse(Arg("--rounds", "20"));
        Console.WriteLine($"watch restart latency: file write -> new child running, minus the {DebounceMs} ms debounce; {rounds} rounds each, same sh program");
        Console.WriteLine($"  tui      {Describe(await MeasureTui(rounds))}");
        Console.WriteLine($"  nodemon  {Describe(await MeasureNodemon(nodemon, rounds))}");
        return 0;
    case "tree":
        return await Tree();
    default:
        Console.Error.WriteLine("usage: watch-bench.cs restart NODEMON_BIN [--rounds N] | tree [--dirs N] [--files N]");
        return 2;
}
