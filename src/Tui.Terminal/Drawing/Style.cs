namespace Tui.Terminal.Drawing;

/// <summary>
/// A style that may leave parts unset, so styles compose: <see cref="Patch"/> lays one style over
/// another (a selection highlight over a coloured log line keeps the line's colours it does not set).
/// Unset colours mean "keep what the cell has"; a cell without any style uses the terminal default.
/// </summary>
public readonly record struct Style
{
    public Color? Foreground { get; init; }
    public Color? Background { get; init; }
    /// <summary>Attributes this style turns on.</summary>
    public Modifiers AddModifiers { get; init; }
    /// <summary>Attributes this style turns off.</summary>
    public Modifiers RemoveModifiers { get; init; }

    public static readonly Style Default = default;

    public Style Fg(Color color) => this with { Foreground = color };
    public Style Bg(Color color) => this with { Background = color };

    public Style Add(Modifiers modifiers) =>
        this with { AddModifiers = AddModifiers | modifiers, RemoveModifiers = RemoveModifiers & ~modifiers };

    public Style Remove(Modifiers modifiers) =>
        this with { AddModifiers = AddModifiers & ~modifiers, RemoveModifiers = RemoveModifiers | modifiers };

    public Style Bold() => Add(Modifiers.Bold);
    public Style Dim() => Add(Modifiers.Dim);
    public Style Italic() => Add(Modifiers.Italic);
    public Style Underline() => Add(Modifiers.Underline);
    public Style Reversed() => Add(Modifiers.Reverse);

    /// <summary>This style with <paramref name="other"/> laid over it: what other sets wins.</summary>
    public Style Patch(Style other) => new()
    {
        Foreground = other.Foreground ?? Foreground,
        Background = other.Background ?? Background,
        AddModifiers = (AddModifiers & ~other.RemoveModifiers) | other.AddModifiers,
        RemoveModifiers = (RemoveModifiers & ~other.AddModifiers) | other.RemoveModifiers,
    };

    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Foreground is { } fg) parts.Add($"fg={fg}");
        if (Background is { } bg) parts.Add($"bg={bg}");
        if (AddModifiers != Modifiers.None) parts.Add($"+{AddModifiers}");
        if (RemoveModifiers != Modifiers.None) parts.Add($"-{RemoveModifiers}");
        return parts.Count == 0 ? "Style()" : $"Style({string.Join(' ', parts)})";
    }
}
