namespace Tui.Terminal.Drawing;

/// <summary>What a <see cref="Color"/> holds: the terminal's default, a palette index (0-15 the classic 16, 16-255 the xterm cube and greys), or 24-bit RGB.</summary>
public enum ColorKind : byte { Default, Indexed, Rgb }
