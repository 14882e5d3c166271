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

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for input and reads what is there into <paramref name="buffer"/>.
    /// Returns the number of bytes read, 0 when the wait timed out, or -1 when input has ended.
    /// </summary>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Raw mode: no echo, no line editing, no signals from keys, bytes delivered as typed. False restores the original mode.</summary>
    void SetRawMode(bool raw);
}
