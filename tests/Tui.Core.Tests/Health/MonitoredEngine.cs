using System.Net;
using System.Net.Sockets;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Config;
using Tui.Core.Health;
using Tui.Core.Logs;
using Tui.Core.Processes;
using Tui.Core.Protocol;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;

namespace Tui.Core.Tests.Health;

/// <summary>
/// A supervisor with Tui's real <see cref="ProcessMonitor"/>, running real children from a real processes.toml on a
/// virtual clock. Probes, the watchdog and limits fire when the test advances the clock; what children and probes
/// do happens in real time, so the test waits for its events. Every process group it started (children and exec
/// probes) is SIGKILLed and waited for on dispose.
/// </summary>
internal sealed class MonitoredEngine : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private Supervisor? _supervisor;
    private EventLog? _events;

    public MonitoredEngine()
    {
        Monitor = new ProcessMonitor(new MonitorOptions(Launcher.Commands, Clock, ProtocolDirectory.At(Path.Combine(Dir.FullName, "s"))));
    }

    public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("tui-health-");
    public LockedVirtualClock Clock { get; } = new(T0);
    public GroupTrackingLauncher Launcher { get; } = new();
    public ProcessMonitor Monitor { get; }
    public Supervisor Supervisor => _supervisor ?? throw new InvalidOperationException("call Run first");
    public EventLog Events => _events ?? throw new InvalidOperationException("call Run first");

    /// <summary>Writes a file into the config folder (scripts, servers) and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Loads <paramref name="toml"/> as the folder's processes.toml and starts a supervisor on it (not its processes).</summary>
    /// <param name="stats">Where resource samples come from (one round per second of the virtual clock); null takes none.</param>
    public Supervisor Run(string toml, IStatsSource? stats = null)
    {
        var config = ConfigLoader.Parse(toml, Path.Combine(Dir.FullName, "processes.toml"), new Dictionary<string, string>());
        _supervisor = new Supervisor(config, new SupervisorOptions(Launcher, Clock) { Monitor = Monitor, StatsSource = stats });
        _events = new EventLog(_supervisor);
        return _supervisor;
    }

    public async Task Start() => Assert.True((await Supervisor.StartAsync()).Ok);

    public ProcessSnapshot Snapshot(string name) => Supervisor.Current.Single(s => s.Name == name);

    /// <summary>The first snapshot (from now on, or the current one) in which <paramref name="process"/> satisfies <paramref name="match"/>.</summary>
    public async Task<ProcessSnapshot> WaitForSnapshot(string process, Func<ProcessSnapshot, bool> match)
    {
        var snapshots = Supervisor.Snapshots.Select(all => all.Single(s => s.Name == process)).Where(match);
        return await snapshots.FirstAsync().ToTask().WaitAsync(EventLog.WaitLimit);
    }

    /// <summary>
    /// Moves the clock on by <paramref name="by"/> and waits for the probe attempt of <paramref name="process"/> that it
    /// set off to be recorded (by then its next attempt is on the clock).
    /// </summary>
    public async Task<ProbeAttempt> Probe(string process, TimeSpan by)
    {
        var attempt = Monitor.Attempts.Where(a => a.Process == process).FirstAsync().ToTask();
        Clock.AdvanceBy(by);
        return await attempt.WaitAsync(EventLog.WaitLimit);
    }

    public Task<HealthChanged> WaitForHealth(string process, string text) =>
        Events.WaitFor<HealthChanged>(h => h.Process == process && h.Text == text);

    /// <summary>Waits for a line the child of <paramref name="process"/> printed containing <paramref name="text"/> (one already there counts).</summary>
    public async Task WaitForLog(string process, string text)
    {
        bool Match(LogLine line) => line.Process == process && line.Stream != LogStream.System && line.Text.Contains(text, StringComparison.Ordinal);
        var coming = Supervisor.Logs.Where(Match).FirstAsync().ToTask();
        if (Supervisor.RecentLogs(process, 1000).Any(Match)) return;
        await coming.WaitAsync(EventLog.WaitLimit);
    }

    public IReadOnlyList<string> LogText(string process) => [.. Supervisor.RecentLogs(process, 1000).Select(l => l.Text)];

    /// <summary>A TCP port nothing listens on right now (the kernel's choice), for a server the test starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A port that refuses connections for as long as the socket is kept: bound but not listening. A port found free
    /// and let go could be taken meanwhile by a test running in parallel.
    /// </summary>
    public static (Socket Holder, int Port) RefusingPort()
    {
        var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (holder, ((IPEndPoint)holder.LocalEndPoint!).Port);
    }

    /// <summary>Sends a signal to a process's current child (a test standing in for something that happens to it).</summary>
    public void Signal(string process, int signal) =>
        Assert.True(ProcessGroup.Signal(Snapshot(process).Pid ?? throw new InvalidOperationException($"{process} has no child"), signal));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_supervisor is not null)
            {
                var shutdown = _supervisor.ShutdownAsync();
                Clock.AdvanceBy(_supervisor.Config.Settings.ShutdownTimeout);
                await shutdown.WaitAsync(EventLog.WaitLimit);
                await _supervisor.DisposeAsync();
            }
        }
        finally
        {
            _events?.Dispose();
            Monitor.Dispose();
            foreach (var (pid, _) in Launcher.Started.Concat(Launcher.StartedCommands)) ProcessGroup.KillGroupAndWait(pid, KillWait);
            Dir.Delete(recursive: true);
        }
    }
}
