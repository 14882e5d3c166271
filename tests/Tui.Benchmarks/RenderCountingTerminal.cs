using Tui.Terminal.Backend;

namespace Tui.Benchmarks;

/// <summary>A terminal that only counts what is written to it, so the benchmark measures the renderer, not a byte log.</summary>
internal sealed class RenderCountingTerminal(int width, int height) : ITerminalBackend
{
    public long Bytes { get; private set; }
    public int Writes { get; private set; }
    public TerminalSize Size { get; } = new(width, height);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Bytes += bytes.Length;
        Writes++;
    }

    public bool WaitForInput(TimeSpan timeout) => false;
    public int Read(Span<byte> buffer) => 0;
    public void SetRawMode(bool raw) { }
}
