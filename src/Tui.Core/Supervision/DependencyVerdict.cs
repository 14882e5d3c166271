namespace Tui.Core.Supervision;

/// <summary>Whether a process may start now, must wait (and for what), or can never start (and why).</summary>
internal enum DependencyOutcome { Satisfied, Waiting, Failed }

internal sealed record DependencyVerdict(DependencyOutcome Outcome, string Reason)
{
    public static DependencyVerdict Satisfied { get; } = new(DependencyOutcome.Satisfied, "dependencies satisfied");
}
