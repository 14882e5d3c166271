using System.Runtime.InteropServices;

namespace Tui.Terminal.Session;

/// <summary>What a <see cref="TerminalSession"/> turns on while it runs.</summary>
public sealed record TerminalOptions
{
    public bool Mouse { get; init; } = true;
    public bool BracketedPaste { get; init; } = true;
    public bool FocusEvents { get; init; }

    /// <summary>Handle SIGWINCH, SIGTSTP/SIGCONT, SIGINT/SIGTERM/SIGHUP/SIGQUIT (off for in-memory terminals in tests).</summary>
    public bool HandleSignals { get; init; } = true;

    /// <summary>
    /// Called after the terminal was restored because of SIGINT, SIGTERM, SIGHUP or SIGQUIT. Return
    /// true when the application will shut down by itself (e.g. stop its children first); when it
    /// returns false, or is not set, the process exits with 128 + the signal number.
    /// </summary>
    public Func<PosixSignal, bool>? OnTerminationSignal { get; init; }
}
