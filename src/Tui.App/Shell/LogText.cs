using Tui.App.Views;
using Tui.Core.Logs;

namespace Tui.App.Shell;

/// <summary>
/// Matching log lines as a person sees them: a search or filter looks at the text without the child's escape
/// sequences ("32m" must not match every green line). Lines without escapes, the common case, are not copied.
/// </summary>
public static class LogText
{
    public static bool Matches(LogLine line, string query) =>
        query.Length == 0 || Visible(line.Text).Contains(query, StringComparison.OrdinalIgnoreCase);

    public static string Visible(string text) => text.Contains('\u001b') ? ChildText.ToLine(text, default).PlainText : text;
}
