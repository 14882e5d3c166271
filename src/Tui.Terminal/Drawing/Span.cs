namespace Tui.Terminal.Drawing;

/// <summary>A run of text in one style: the unit of styled text (and of a sanitised log line).</summary>
public readonly record struct Span(string Text, Style Style)
{
    public Span(string text) : this(text, Style.Default) { }

    public int Width => TextWidth.Of(Text);

    public static implicit operator Span(string text) => new(text);
}
