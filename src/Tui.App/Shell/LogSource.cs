namespace Tui.App.Shell;

/// <summary>Whose lines the log pane shows: one process, a group's processes merged, or all processes merged.</summary>
public abstract record LogSource
{
    public sealed record Process(string Name) : LogSource;
    public sealed record Group(string Name) : LogSource;
    public sealed record All : LogSource;

    /// <summary>Merged sources prefix each line with its process name.</summary>
    public bool IsMerged => this is not Process;
}
