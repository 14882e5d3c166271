namespace Tui.Core.Config;

/// <summary>
/// A readiness or liveness check of a process: one probe, run every <paramref name="Interval"/>, each attempt cut
/// after <paramref name="Timeout"/>.
/// </summary>
/// <param name="Retries">
/// Consecutive failures that count as a verdict: a ready process becomes not ready (readiness), or is restarted
/// by its restart policy (liveness). One success resets the count.
/// </param>
/// <param name="StartPeriod">After a run starts, failures during this time are not counted (a success still is).</param>
public sealed record HealthCheckConfig(ProbeSpec Probe, TimeSpan Interval, TimeSpan Timeout, int Retries, TimeSpan StartPeriod);
