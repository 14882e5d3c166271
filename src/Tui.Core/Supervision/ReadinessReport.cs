namespace Tui.Core.Supervision;

/// <summary>One result of a process's readiness step: whether it is ready now, and a health text to show (null for none).</summary>
public sealed record ReadinessReport(bool Ready, string? Health);
