using Tui.Core.Supervision;

namespace Tui.Core.Control.Server;

/// <summary>What a control server needs from the instance it serves, beyond the engine: who it is, and how to end it.</summary>
public interface IControlHost
{
    /// <summary>The engine the socket's commands act on.</summary>
    ISupervisorClient Engine { get; }

    /// <summary>"daemon", "monitor" or "headless", for hello.</summary>
    string Mode { get; }

    /// <summary>
    /// <c>tui down</c>: stop every process and end the instance. Called after the reply is queued; must not block.
    /// </summary>
    void RequestShutdown();
}
