namespace Tui.Terminal.Backend;

/// <summary>
/// The terminal as bytes: the one seam between Tui's screen code and a real tty. The real one is
/// <see cref="TtyTerminal"/>; tests use <see cref="MemoryTerminal"/>, which records every byte.
/// </summary>
public interface ITerminalBackend
{
    /// <summary>The current size in cells (asked again after SIGWINCH).</summary>
    TerminalSize Size { get; }

    /// <summary>Writes all of <paramref name="bytes"/>; one call per frame, so a frame reaches the terminal in one piece.</summary>
    void Write(ReadOnlySpan<byte> bytes);

    /// <summary>Waits up to <paramref name="timeout"/> for input; true when there is some (or input has ended).</summary>
    bool WaitForInput(TimeSpan timeout);

    /// <summary>Reads the input that is there into <paramref name="buffer"/>: the number of bytes, 0 if none, -1 when input has ended.</summary>
    int Read(Span<byte> buffer);

    /// <summary>Raw mode: no echo, no line editing, no signals from keys, bytes delivered as typed. False restores the original mode.</summary>
    void SetRawMode(bool raw);
}
