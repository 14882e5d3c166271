namespace Tui.Terminal.Drawing;

/// <summary>
/// One line of styled text: spans drawn left to right, each span's style laid over the line's
/// <see cref="Style"/>. Immutable, so a sanitised log line can be kept and drawn many times.
/// </summary>
public sealed record Line
{
    public static readonly Line Empty = new([]);

    public IReadOnlyList<Span> Spans { get; }
    public Style Style { get; init; }
    public Alignment Alignment { get; init; }

    public Line(IReadOnlyList<Span> spans) => Spans = spans;

    public Line(params Span[] spans) => Spans = spans;

    public Line(string text, Style style = default) => Spans = text.Length == 0 ? [] : [new Span(text, style)];

    public static implicit operator Line(string text) => new(text);

    /// <summary>The cell width of the whole line.</summary>
    public int Width
    {
        get
        {
            int width = 0;
            foreach (var span in Spans) width += span.Width;
            return width;
        }
    }

    /// <summary>The text without styles (what search matches against).</summary>
    public string PlainText => Spans.Count switch
    {
        0 => string.Empty,
        1 => Spans[0].Text,
        _ => string.Concat(Spans.Select(s => s.Text)),
    };

    public override string ToString() => PlainText;

    public bool Equals(Line? other) =>
        other is not null && Style == other.Style && Alignment == other.Alignment && Spans.SequenceEqual(other.Spans);

    public override int GetHashCode() => HashCode.Combine(PlainText, Style, Alignment);
}
