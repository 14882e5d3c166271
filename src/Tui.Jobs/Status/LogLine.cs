namespace Tui.Jobs;

/// <summary>Which stream a line of output came from.</summary>
public enum OutputStream
{
    /// <summary>The child's standard output.</summary>
    Stdout,
    /// <summary>The child's standard error.</summary>
    Stderr,
    /// <summary>A line Tui wrote into the process's log (started, exited, restarting).</summary>
    System,
}

/// <summary>One line of a process's output, without its newline (ANSI sequences kept as the child wrote them).</summary>
/// <param name="Id">The process's name.</param>
/// <param name="Sequence">Increases by one per line of the process: a gap means lines were missed.</param>
/// <param name="At">When the line arrived, on the manager's clock.</param>
/// <param name="Stream">Where it came from.</param>
/// <param name="Text">The line.</param>
public sealed record LogLine(string Id, long Sequence, DateTimeOffset At, OutputStream Stream, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
