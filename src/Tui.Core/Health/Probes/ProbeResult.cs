namespace Tui.Core.Health.Probes;

/// <summary>The outcome of one probe attempt: healthy or not, and what a person should read about it.</summary>
/// <param name="Detail">"200 OK", "connection refused", "exit 1: not ready", "timed out after 2s".</param>
public readonly record struct ProbeResult(bool Healthy, string Detail)
{
    public static ProbeResult Pass(string detail) => new(true, detail);
    public static ProbeResult Fail(string detail) => new(false, detail);
}
