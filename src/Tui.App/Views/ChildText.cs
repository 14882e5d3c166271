using Tui.Terminal.Drawing;
using Tui.Terminal.Sanitizing;

namespace Tui.App.Views;

/// <summary>
/// A child's raw output line as styled text that is safe to draw: the terminal layer's sanitiser keeps SGR colours
/// and drops everything that could move the cursor, change modes or set the title. Its colours are laid over the
/// stream's style (stderr is red unless the child says otherwise).
/// </summary>
public static class ChildText
{
    public static Line ToLine(string text, Style style)
    {
        var line = AnsiSanitizer.Sanitize(text);
        return line with { Style = style.Patch(line.Style) };
    }
}
