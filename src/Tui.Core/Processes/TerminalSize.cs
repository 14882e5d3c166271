namespace Tui.Core.Processes;

/// <summary>The window size a child sees on its pseudo-terminal.</summary>
public readonly record struct TerminalSize(int Columns, int Rows)
{
    /// <summary>Wide enough that most programs do not wrap or truncate their lines, as a log viewer wants.</summary>
    public static TerminalSize Default { get; } = new(120, 40);
}
