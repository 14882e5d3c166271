using System.Collections.Concurrent;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Supervision;

/// <summary>
/// A supervisor running real children (sh scripts the test writes into a temp dir) on a virtual clock. Every process
/// group it ever started is SIGKILLed and waited for on dispose, whatever the test did.
/// </summary>
internal sealed class RealEngine : IAsyncDisposable
{
    /// <summary>How long cleanup waits for a SIGKILLed group to be gone.</summary>
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private Supervisor? _supervisor;
    private EventLog? _events;

    /// <param name="wrap">Stands between the engine and the real launcher (a test that holds spawns back).</param>
    public RealEngine(Func<IProcessLauncher, IProcessLauncher>? wrap = null)
    {
        IProcessLauncher real = new PosixProcessLauncher();
        Launcher = new TrackingLauncher(wrap?.Invoke(real) ?? real);
    }

    public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("tui-engine-");
    public LockedVirtualClock Clock { get; } = new(FakeEngine.T0);
    public TrackingLauncher Launcher { get; }
    public Supervisor Supervisor => _supervisor ?? throw new InvalidOperationException("call Run first");
    public EventLog Events => _events ?? throw new InvalidOperationException("call Run first");

    /// <summary>Writes an executable sh script and returns its path.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public string Script(string name, string body)
    {
        var path = System.IO.Path.Combine(Dir.FullName, name + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>A process running <paramref name="body"/> as a script in the temp dir (which is also its cwd).</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public ProcessConfig Process(string name, string body, params Dependency[] dependsOn) =>
        TestConfigs.Process(name, new CommandSpec.Exec([Script(name, body)]), dependsOn) with { Cwd = Dir.FullName };

    public Supervisor Run(params ProcessConfig[] processes) => Run(TestConfigs.ConfigOf(processes));

    public Supervisor Run(TuiConfig config, IReadinessCheck? readiness = null, IStatsSource? stats = null)
    {
        _supervisor = new Supervisor(config, new SupervisorOptions(Launcher, Clock)
        {
            Readiness = readiness ?? ImmediateReadiness.Instance,
            StatsSource = stats,
        });
        _events = new EventLog(_supervisor);
        return _supervisor;
    }

    public ProcessSnapshot Snapshot(string name) => Supervisor.Current.Single(s => s.Name == name);

    /// <summary>Shuts down at once: the virtual clock jumps past the shutdown deadline, so stubborn children get SIGKILL.</summary>
    private async Task ShutdownNow(Supervisor supervisor)
    {
        var shutdown = supervisor.ShutdownAsync();
        Clock.AdvanceBy(supervisor.Config.Settings.ShutdownTimeout);
        if (await Task.WhenAny(shutdown, Task.Delay(EventLog.WaitLimit)) != shutdown)
        {
            throw new TimeoutException("shutdown did not complete; states: "
                + string.Join(", ", supervisor.Current.Select(s => $"{s.Name} {s.State} ({s.Reason})"))
                + "\nevents:\n" + string.Join("\n", _events?.All ?? []));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_supervisor is not null)
            {
                await ShutdownNow(_supervisor);
                await _supervisor.DisposeAsync();
            }
        }
        finally
        {
            _events?.Dispose();
            foreach (var pgid in Launcher.Groups) ProcessGroup.KillGroupAndWait(pgid, KillWait);
            Dir.Delete(recursive: true);
        }
    }

    /// <summary>Waits, bounded, for a real process to be gone (exited or a zombie): the kernel takes a moment after a signal.</summary>
    public static Task<bool> Gone(int pid) =>
        Eventually.True(() => ProcStat.Read(pid) is not { IsDead: false }, EventLog.WaitLimit);
}

/// <summary>The real launcher, remembering every group it started so the test can clean up by pgid.</summary>
internal sealed class TrackingLauncher(IProcessLauncher inner) : IProcessLauncher
{
    private readonly ConcurrentQueue<int> _groups = new();

    public IReadOnlyList<int> Groups => [.. _groups];

    public bool StartBlocks => inner.StartBlocks;

    public IChildProcess Start(LaunchSpec spec)
    {
        var child = inner.Start(spec);
        _groups.Enqueue(child.Pid);
        return child;
    }
}

/// <summary>Children whose output is read only once their exit is seen: the order a busy machine may give.</summary>
internal sealed class OutputAfterExitLauncher(IProcessLauncher inner) : IProcessLauncher
{
    public bool StartBlocks => inner.StartBlocks;

    public IChildProcess Start(LaunchSpec spec) => new OutputReadAfterExit(inner.Start(spec));
}

/// <summary>A child whose stdout gives nothing until its exit is known.</summary>
internal sealed class OutputReadAfterExit(IChildProcess inner) : IChildProcess
{
    public int Pid => inner.Pid;
    public DateTimeOffset StartedAt => inner.StartedAt;
    public Stream Stdout { get; } = new HeldUntil(inner.Exited, inner.Stdout);
    public Stream? Stderr => inner.Stderr;
    public Task<ExitStatus> Exited => inner.Exited;
    public void SignalGroup(int signal) => inner.SignalGroup(signal);
    public void Dispose() => inner.Dispose();

    private sealed class HeldUntil(Task gate, Stream inner) : TestSupport.ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            gate.Wait();
            return inner.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
