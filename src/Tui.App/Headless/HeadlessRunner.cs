using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Tui.App.Instance;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Health;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.App.Headless;

/// <summary>
/// <c>tui up --headless</c>: runs the engine without a screen, printing a line per state change (and per log line with
/// --logs) until SIGINT, SIGTERM or SIGHUP, then stops every child in reverse dependency order and returns 0.
/// For CI, containers and a quick look over a plain pipe.
/// </summary>
internal static class HeadlessRunner
{
    public const int ExitStopped = 0;
    /// <summary>Another instance already runs this config (its control socket answers).</summary>
    public const int ExitAlreadyRunning = 3;

    public static async Task<int> RunAsync(TuiConfig config, bool showLogs, TextWriter output)
    {
        // Registered before any child exists, so that no signal can kill Tui while it has children to stop.
        using var signals = new TerminationSignals();
        var options = new SupervisorOptions(new PosixProcessLauncher(), DefaultScheduler.Instance)
        {
            FileWatcher = Tui.Core.Watching.SystemFileWatcher.Instance,
            Monitor = ProcessMonitor.For(config, DefaultScheduler.Instance),
            // Samples cost a /proc scan a second: taken only when a memory or CPU limit needs them.
            StatsSource = ProcessMonitor.NeedsStats(config) ? new Tui.Core.Stats.ProcStatsSource() : null,
        };
        var supervisor = new Supervisor(config, options);
        // Lines come from the engine loop and from log reader threads; one writer keeps them whole.
        var writer = TextWriter.Synchronized(output);
        using var printing = new CompositeDisposable(
            supervisor.Events.Subscribe(e =>
            {
                if (HeadlessFormat.Line(e, TimeZoneInfo.Local) is { } line) writer.WriteLine(line);
            }));
        if (showLogs) printing.Add(supervisor.Logs.Subscribe(line => writer.WriteLine(HeadlessFormat.Line(line))));
        // The control socket (tui ps, stop, down...), orphan recovery and history, before any child starts.
        InstanceServices services;
        try
        {
            services = InstanceServices.Start(config, supervisor, "headless", writer);
        }
        catch (ControlException e)
        {
            writer.WriteLine($"tui: {e.Message}");
            await supervisor.DisposeAsync();
            return ExitAlreadyRunning;
        }
        try
        {
            await supervisor.StartAsync();
            var reason = await Task.WhenAny(signals.Received, services.ShutdownRequested) == services.ShutdownRequested
                ? "tui down"
                : signals.Received.Result.ToString();
            writer.WriteLine($"{DateTimeOffset.Now:HH:mm:ss.fff} tui {reason}: stopping every process");
            await supervisor.ShutdownAsync();
        }
        finally
        {
            await supervisor.DisposeAsync();
            await services.DisposeAsync();
            writer.Flush();
        }
        return ExitStopped;
    }
}
