namespace Tui.Terminal.Backend;

/// <summary>The size of the terminal in cells.</summary>
public readonly record struct TerminalSize(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";
}
