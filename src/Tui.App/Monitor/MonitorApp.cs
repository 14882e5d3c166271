using Tui.App.Commands;
using Tui.App.Instance;
using Tui.Core.Config;
using Tui.Core.Supervision;
using Tui.Terminal.Backend;

namespace Tui.App.Monitor;

/// <summary>
/// <c>tui up</c> with the full-screen monitor: starts the engine, shows the monitor until the user quits (or SIGINT,
/// SIGTERM, SIGHUP arrive), gives the terminal back, then stops every child before returning.
/// </summary>
public static class MonitorApp
{
    public const int ExitOk = 0;

    /// <summary>No terminal to draw on (stdin or stdout redirected): the caller should suggest --headless.</summary>
    public const int ExitNoTerminal = 2;


    public static int Run(TuiConfig config, TextWriter error)
    {
        // Refuse before any child starts: without a terminal there would be nothing to stop them from.
        try
        {
            TtyTerminal.Open();
        }
        catch (TerminalUnavailableException e)
        {
            error.WriteLine($"tui up: {e.Message}; use --headless to run without the monitor");
            return ExitNoTerminal;
        }
        return RunAsync(config, error).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(TuiConfig config, TextWriter error)
    {
        // Registered before any child exists, so that no signal can kill Tui while it has children to stop
        // (the terminal session handles the same signals while the screen is up; this covers the shutdown after it).
        using var signals = new TerminationSignals();
        var supervisor = InstanceEngine.Create(config, alwaysSampleStats: true);
        // The control socket (tui ps, stop, attach, down), orphan recovery and history, before any child starts. Orphans
        // are reported here, before the screen is up; later problems (history disabled) go to the screen as notifications.
        InstanceServices services;
        try
        {
            services = InstanceServices.Start(config, supervisor, "monitor", error, problems: TextWriter.Null);
        }
        catch (Tui.Core.Control.ControlException e)
        {
            error.WriteLine($"tui up: {e.Message}");
            await supervisor.DisposeAsync();
            return CliExit.AlreadyRunning;
        }
        try
        {
            // Not disposed: a signal may still arrive during the shutdown below, and cancelling then must be harmless.
            var quit = new CancellationTokenSource();
            _ = signals.Received.ContinueWith(_ => quit.Cancel(), TaskScheduler.Default);
            // tui down from another terminal: leave the screen and stop everything, as on a confirmed quit.
            _ = services.ShutdownRequested.ContinueWith(_ => quit.Cancel(), TaskScheduler.Default);
            // The processes start once the first frame is up (all of them shown, pending): spawning a stack competes
            // for the CPU with the program's own start, and the screen should come first.
            await MonitorRunner.RunAsync(supervisor, MonitorOptions.From(config), quit.Token, afterFirstFrame: supervisor.StartAsync,
                problems: services.Problems);
            int alive = supervisor.Current.Count(p => p.State.IsAlive());
            if (alive > 0) error.WriteLine($"tui: stopping {alive} process{(alive == 1 ? "" : "es")}...");
            await supervisor.ShutdownAsync();
        }
        finally
        {
            await supervisor.DisposeAsync();
            await services.DisposeAsync();
        }
        return ExitOk;
    }
}
