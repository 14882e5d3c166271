namespace Tui.Terminal.Widgets;

public enum BorderType { Plain, Rounded, Double, Thick }

/// <summary>The box-drawing characters of one border type.</summary>
internal readonly record struct BorderSymbols(
    string Horizontal, string Vertical, string TopLeft, string TopRight, string BottomLeft, string BottomRight)
{
    public static BorderSymbols Of(BorderType type) => type switch
    {
        BorderType.Rounded => new("─", "│", "╭", "╮", "╰", "╯"),
        BorderType.Double => new("═", "║", "╔", "╗", "╚", "╝"),
        BorderType.Thick => new("━", "┃", "┏", "┓", "┗", "┛"),
        _ => new("─", "│", "┌", "┐", "└", "┘"),
    };
}
