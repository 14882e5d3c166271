using Tui.Core.Health.Probes;

namespace Tui.Core.Health;

/// <summary>One probe attempt of a process's check ("readiness" or "liveness") and its result, when it was recorded.</summary>
public sealed record ProbeAttempt(string Process, string Check, ProbeResult Result, DateTimeOffset At);
