using Tui.App.Headless;
using Tui.App.Instance;
using Tui.Core.Config;

namespace Tui.App.Daemon;

/// <summary>
/// <c>tui up --daemon-child</c>: the engine without a screen, reachable only through its control socket, until
/// <c>tui down</c> or SIGTERM/SIGINT/SIGHUP; then every child is stopped. State changes go to the daemon's log
/// (stdout, which the launcher points at the log file).
/// </summary>
internal static class DaemonRunner
{
    public static async Task<int> RunAsync(TuiConfig config, TextWriter log)
    {
        using var signals = new TerminationSignals();
        var writer = TextWriter.Synchronized(log);
        var supervisor = InstanceEngine.Create(config, alwaysSampleStats: true);
        // The same lines as tui up --headless prints, into the daemon's log.
        using var printing = supervisor.Events.Subscribe(e =>
        {
            if (HeadlessFormat.Line(e, TimeZoneInfo.Local) is { } line) writer.WriteLine(line);
        });
        return await ScreenlessInstance.RunAsync(config, supervisor, "daemon", writer, signals, services =>
        {
            writer.WriteLine($"{DateTimeOffset.Now:HH:mm:ss.fff} tui daemon {Environment.ProcessId} serving {services.SocketPath}");
            return true;
        });
    }
}
