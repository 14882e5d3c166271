using Tui.App.Commands;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Supervision;

namespace Tui.App.Instance;

/// <summary>
/// The life of an instance without a screen (<c>tui up --headless</c> and the daemon): claim the control socket, start
/// the processes, wait for SIGINT/SIGTERM/SIGHUP or <c>tui down</c>, then stop every child and let go of everything.
/// </summary>
internal static class ScreenlessInstance
{
    /// <param name="signals">Registered by the caller before the engine existed, so no signal can kill Tui while it has children.</param>
    /// <param name="serving">
    /// Called once the socket is claimed, before any child starts (e.g. to log where it listens). False: the instance
    /// has no point (tui serve whose address is taken), and it ends with <see cref="CliExit.Failed"/> without starting any.
    /// </param>
    public static async Task<int> RunAsync(
        TuiConfig config, Supervisor supervisor, string mode, TextWriter writer, TerminationSignals signals,
        Func<InstanceServices, bool>? serving = null)
    {
        // The control socket (tui ps, stop, down...), orphan recovery and history, before any child starts.
        InstanceServices services;
        try
        {
            services = InstanceServices.Start(config, supervisor, mode, writer);
        }
        catch (ControlException e)
        {
            writer.WriteLine($"tui: {e.Message}");
            await supervisor.DisposeAsync();
            return CliExit.AlreadyRunning;
        }
        try
        {
            if (serving is not null && !serving(services)) return CliExit.Failed;
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
        return CliExit.Ok;
    }
}
