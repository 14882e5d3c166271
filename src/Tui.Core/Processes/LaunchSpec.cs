using System.Collections.Immutable;

namespace Tui.Core.Processes;

/// <summary>Everything the launcher needs to start one child. The environment is the complete child environment.</summary>
public sealed record LaunchSpec(
    ImmutableArray<string> Argv,
    string Cwd,
    IReadOnlyDictionary<string, string> Environment,
    bool Tty)
{
    /// <summary>The pseudo-terminal's window size when <see cref="Tty"/> is set.</summary>
    public TerminalSize WindowSize { get; init; } = TerminalSize.Default;

    /// <summary>Keep the child's stdin pipe open for <see cref="IChildProcess.Input"/> (without a pty); otherwise it is closed at once.</summary>
    public bool KeepStdinOpen { get; init; }
}
