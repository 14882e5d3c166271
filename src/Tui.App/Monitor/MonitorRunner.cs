using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Core.Supervision;
using Tui.Terminal.Backend;
using Tui.Terminal.Rendering;
using Tui.Terminal.Session;

namespace Tui.App.Monitor;

/// <summary>
/// Runs the full-screen monitor on the process's terminal until the user quits (or a termination signal arrives),
/// then gives the terminal back. The caller owns the engine and shuts it down afterwards.
/// </summary>
public static class MonitorRunner
{
    /// <summary>Throws <see cref="TerminalUnavailableException"/> when stdin or stdout is not a terminal.</summary>
    /// <param name="afterFirstFrame">
    /// Runs once the first frame is on screen (e.g. starting the processes): spawning a stack of children competes for
    /// the CPU with the program's own start, and the screen should come first.
    /// </param>
    /// <param name="problems">Problems of the instance's own services (history disabled, ...), shown as notifications.</param>
    public static async Task<int> RunAsync(
        ISupervisorClient engine, MonitorOptions options, CancellationToken cancellation = default, Func<Task>? afterFirstFrame = null,
        IObservable<string>? problems = null)
    {
        var terminal = TtyTerminal.Open();
        // .NET's console writes "keypad transmit" (ESC[?1h ESC=) the first time it touches the terminal; let that happen
        // now, before the screen is taken over, so a message printed after the terminal was given back (tui: stopping...)
        // cannot leave the user's shell with application cursor keys.
        _ = Console.KeyAvailable;
        MonitorLoop? loop = null;
        using var ui = new UiThreadScheduler("monitor ui", error => loop?.Fail(error));
        using var session = new TerminalSession(terminal, new TerminalOptions
        {
            // SIGTERM, SIGINT, SIGHUP: leave like a confirmed quit, so the caller stops the children before exiting.
            OnTerminationSignal = _ =>
            {
                loop?.RequestQuit();
                return loop is not null;
            },
        }, ui, ColorDepthDetector.FromEnvironment());

        loop = new MonitorLoop(engine, options, ThemeCatalog.ForConfig(engine.ConfigPath), new MonitorHost(
            ui,
            () => DateTimeOffset.Now,
            () => (session.Size.Width, session.Size.Height),
            frame => session.Draw(frame),
            MonitorHost.ThreadPool));
        using var ownedLoop = loop;
        using var input = session.Input.Subscribe(loop.PostInput, _ => loop.RequestQuit(), loop.RequestQuit);
        using var cancelled = cancellation.Register(loop.RequestQuit);
        // On stderr they would tear the screen; as notifications they are seen and the screen stays whole.
        using var shownProblems = problems?.Subscribe(p => loop.Post(new Msg.Notify(NotificationLevel.Warning, p)));

        session.Enter();
        loop.Start();
        var started = afterFirstFrame is null ? Task.CompletedTask : loop.FirstFrame.ContinueWith(_ => afterFirstFrame(), TaskScheduler.Default).Unwrap();
        try
        {
            int exit = await loop.Completion.ConfigureAwait(false);
            // A loop that ended before its first frame never started anything to wait for.
            if (loop.FirstFrame.IsCompleted) await started.ConfigureAwait(false);
            return exit;
        }
        finally
        {
            session.Leave();
        }
    }
}
