namespace Tui.Terminal.Rendering;

/// <summary>How many colours the terminal shows; the renderer downgrades every colour to fit.</summary>
public enum ColorDepth
{
    /// <summary>No colour (NO_COLOR, TERM=dumb/vt100): attributes only, coloured backgrounds become reverse video.</summary>
    Monochrome,
    /// <summary>The 16 classic colours.</summary>
    Ansi16,
    /// <summary>The xterm 256-colour palette.</summary>
    Ansi256,
    /// <summary>24-bit RGB.</summary>
    TrueColor,
}
