namespace Tui.Terminal.Drawing;

/// <summary>What drawing does with text wider than its room.</summary>
public enum Overflow
{
    /// <summary>Stop at the last whole grapheme that fits.</summary>
    Clip,
    /// <summary>Cut one cell earlier and end with "…", so the reader sees that text is missing.</summary>
    Ellipsis,
}
