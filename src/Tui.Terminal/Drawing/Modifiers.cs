namespace Tui.Terminal.Drawing;

/// <summary>Text attributes of a cell (SGR 1, 2, 3, 4, 7, 9).</summary>
[Flags]
public enum Modifiers : byte
{
    None = 0,
    Bold = 1 << 0,
    Dim = 1 << 1,
    Italic = 1 << 2,
    Underline = 1 << 3,
    Reverse = 1 << 4,
    Strikethrough = 1 << 5,
}
