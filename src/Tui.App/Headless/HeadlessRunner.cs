using System.Reactive.Disposables;
using Tui.App.Instance;
using Tui.Core.Config;

namespace Tui.App.Headless;

/// <summary>
/// <c>tui up --headless</c>: runs the engine without a screen, printing a line per state change (and per log line with
/// --logs) until SIGINT, SIGTERM or SIGHUP, then stops every child in reverse dependency order and returns 0.
/// For CI, containers and a quick look over a plain pipe.
/// </summary>
internal static class HeadlessRunner
{
    public static async Task<int> RunAsync(TuiConfig config, bool showLogs, TextWriter output)
    {
        // Registered before any child exists, so that no signal can kill Tui while it has children to stop.
        using var signals = new TerminationSignals();
        var supervisor = InstanceEngine.Create(config, alwaysSampleStats: false);
        // Lines come from the engine loop and from log reader threads; one writer keeps them whole.
        var writer = TextWriter.Synchronized(output);
        using var printing = new CompositeDisposable(
            supervisor.Events.Subscribe(e =>
            {
                if (HeadlessFormat.Line(e, TimeZoneInfo.Local) is { } line) writer.WriteLine(line);
            }));
        if (showLogs) printing.Add(supervisor.Logs.Subscribe(line => writer.WriteLine(HeadlessFormat.Line(line))));
        return await ScreenlessInstance.RunAsync(config, supervisor, "headless", writer, signals);
    }
}
