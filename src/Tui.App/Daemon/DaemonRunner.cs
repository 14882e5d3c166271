using System.Reactive.Concurrency;
using Tui.App.Instance;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Health;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;

namespace Tui.App.Daemon;

/// <summary>
/// <c>tui up --daemon-child</c>: the engine without a screen, reachable only through its control socket, until
/// <c>tui down</c> or SIGTERM/SIGINT/SIGHUP; then every child is stopped. State changes go to the daemon's log
/// (stdout, which the launcher points at the log file).
/// </summary>
internal static class DaemonRunner
{
    public const int ExitStopped = 0;
    public const int ExitAlreadyRunning = 3;

    public static async Task<int> RunAsync(TuiConfig config, TextWriter log)
    {
        using var signals = new DaemonSignals();
        var writer = TextWriter.Synchronized(log);
        var options = new SupervisorOptions(new PosixProcessLauncher(), DefaultScheduler.Instance)
        {
            StatsSource = new ProcStatsSource(),
            FileWatcher = Tui.Core.Watching.SystemFileWatcher.Instance,
            Monitor = ProcessMonitor.For(config, DefaultScheduler.Instance),
        };
        var supervisor = new Supervisor(config, options);
        InstanceServices services;
        try
        {
            services = InstanceServices.Start(config, supervisor, "daemon", writer);
        }
        catch (ControlException e)
        {
            writer.WriteLine($"tui: {e.Message}");
            await supervisor.DisposeAsync();
            return ExitAlreadyRunning;
        }
        using var printing = supervisor.Events.Subscribe(e =>
        {
            if (LogLine(e) is { } line) writer.WriteLine(line);
        });
        try
        {
            writer.WriteLine($"{DateTimeOffset.Now:HH:mm:ss.fff} tui daemon {Environment.ProcessId} serving {services.SocketPath}");
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

    /// <summary>The daemon log's line for an event: state changes and warnings, with the local time.</summary>
    private static string? LogLine(SupervisorEvent e) => e switch
    {
        StateChanged c => $"{c.At.ToLocalTime():HH:mm:ss.fff} {c.Process} {c.From.ToString().ToLowerInvariant()} -> {c.To.ToString().ToLowerInvariant()} ({c.Reason})",
        Notice { Level: not NoticeLevel.Info } n => $"{n.At.ToLocalTime():HH:mm:ss.fff} {n.Process ?? "tui"} {n.Level.ToString().ToLowerInvariant()}: {n.Message}",
        _ => null,
    };
}
