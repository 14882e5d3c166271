using Tui.Terminal.Drawing;

namespace Tui.Terminal.Widgets;

/// <summary>
/// A one-line text field: a prompt, the text, and the cursor drawn as a reverse-video cell (the
/// terminal's own cursor stays hidden). Text wider than the field scrolls to keep the cursor visible.
/// </summary>
public sealed record TextInput : IStatefulWidget<TextInputState>
{
    public string Prompt { get; init; } = "";
    public string Placeholder { get; init; } = "";
    public Style Style { get; init; }
    public Style PromptStyle { get; init; }
    public Style PlaceholderStyle { get; init; } = new Style().Dim();
    public Style CursorStyle { get; init; } = new Style().Reversed();
    /// <summary>When false the cursor is not drawn (the field is not focused).</summary>
    public bool Focused { get; init; } = true;

    public void Render(Rect area, CellBuffer buffer, TextInputState state)
    {
        area = area.Intersect(buffer.Area);
        if (area.IsEmpty) return;
        var row = area.Row(0);
        buffer.Fill(row, " ", Style);
        int promptWidth = buffer.SetString(row.X, row.Y, Prompt, Style.Patch(PromptStyle), row.Width);
        var field = row with { X = row.X + promptWidth, Width = row.Width - promptWidth };
        if (field.IsEmpty) return;

        if (state.Text.Length == 0 && Placeholder.Length > 0)
            buffer.SetString(field.X, field.Y, Placeholder, Style.Patch(PlaceholderStyle), field.Width, Overflow.Ellipsis);

        // Keep the cursor inside the field, with one cell to spare for the cursor itself at the end.
        int cursorColumn = TextWidth.Of(state.Text.AsSpan(0, state.Cursor));
        int scroll = state.ScrollColumns;
        if (cursorColumn < scroll) scroll = cursorColumn;
        else if (cursorColumn >= scroll + field.Width) scroll = cursorColumn - field.Width + 1;
        state.ScrollColumns = scroll;

        int column = 0, x = field.X;
        var text = state.Text.AsSpan();
        while (!text.IsEmpty)
        {
            int length = TextWidth.NextGraphemeLength(text);
            int width = TextWidth.OfGrapheme(text[..length]);
            if (column >= scroll)
            {
                if (x + width > field.Right) break;
                buffer.SetString(x, field.Y, text[..length], Style);
                x += width;
            }
            column += width;
            text = text[length..];
        }

        int cursorX = field.X + cursorColumn - scroll;
        if (Focused && cursorX < field.Right) buffer.SetStyle(new Rect(cursorX, field.Y, 1, 1), CursorStyle);
    }
}
