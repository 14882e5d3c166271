namespace Tui.Terminal.Rendering;

/// <summary>
/// Picks the colour depth from the environment, the way most terminal programs do:
/// NO_COLOR (any non-empty value, see no-color.org) wins; COLORTERM=truecolor/24bit means RGB;
/// TERM containing "256color" means 256; TERM "dumb" (or unset) means none; anything else 16.
/// An explicit TUI_COLOR=none|16|256|truecolor overrides all of it.
/// </summary>
public static class ColorDepthDetector
{
    public const string OverrideVariable = "TUI_COLOR";

    public static ColorDepth FromEnvironment() => Detect(Environment.GetEnvironmentVariable);

    public static ColorDepth Detect(Func<string, string?> getVariable)
    {
        string? forced = getVariable(OverrideVariable)?.Trim().ToLowerInvariant();
        switch (forced)
        {
            case "none" or "mono" or "monochrome": return ColorDepth.Monochrome;
            case "16": return ColorDepth.Ansi16;
            case "256": return ColorDepth.Ansi256;
            case "truecolor" or "24bit": return ColorDepth.TrueColor;
        }
        if (!string.IsNullOrEmpty(getVariable("NO_COLOR"))) return ColorDepth.Monochrome;

        string term = getVariable("TERM")?.ToLowerInvariant() ?? "";
        if (term is "" or "dumb" or "vt100" or "vt102" or "vt220") return ColorDepth.Monochrome;
        string colorTerm = getVariable("COLORTERM")?.ToLowerInvariant() ?? "";
        if (colorTerm is "truecolor" or "24bit" || term.Contains("direct") || term.EndsWith("-truecolor", StringComparison.Ordinal))
            return ColorDepth.TrueColor;
        if (term.Contains("256color")) return ColorDepth.Ansi256;
        return ColorDepth.Ansi16;
    }
}
