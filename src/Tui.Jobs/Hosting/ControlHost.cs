using Tui.Core.Control;
using Tui.Core.Control.Server;
using Tui.Core.Supervision;
using Tui.Storage;

namespace Tui.Jobs;

/// <summary>
/// The control socket of a code-driven manager, at the path <c>tui -c NAME</c> computes for the manager's name, so
/// <c>tui ps</c>, <c>stop</c>, <c>logs</c> and <c>attach</c> see its processes. <c>tui down</c> stops them all (the
/// program that owns the manager decides when it ends).
/// </summary>
internal sealed class ControlHost(ISupervisorClient engine, Func<Task> stopAll) : IControlHost
{
    public const string EmbeddedMode = "embedded";

    public ISupervisorClient Engine => engine;

    public string Mode => EmbeddedMode;

    public void RequestShutdown() => _ = stopAll();

    /// <summary>Claims the socket; another live instance of the same name is refused with what to do.</summary>
    public static ControlServer Serve(string identityPath, ISupervisorClient engine, Func<Task> stopAll)
    {
        try
        {
            return ControlServer.Start(SocketLocation.For(identityPath, StatePaths.StateDirectory()), new ControlHost(engine, stopAll));
        }
        catch (ControlException e)
        {
            throw new JobException($"cannot serve the control socket for {identityPath}: {e.Message}", e);
        }
    }
}
