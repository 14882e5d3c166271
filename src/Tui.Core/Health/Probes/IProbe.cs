namespace Tui.Core.Health.Probes;

/// <summary>
/// One way of asking a process whether it is healthy. An attempt must end promptly once <c>cancel</c> fires (the
/// check's timeout, or the run ending) and must leave nothing behind: no socket, no child process.
/// A probe never throws for an unhealthy answer; it returns a failed <see cref="ProbeResult"/>.
/// </summary>
public interface IProbe
{
    Task<ProbeResult> RunAsync(CancellationToken cancel);
}
