using System.Globalization;
using System.Text;

namespace Tui.App.Export.Systemd;

/// <summary>
/// Writing values so that systemd reads back exactly the text Tui meant (systemd.syntax(7), systemd.service(5)
/// "Command lines", systemd.exec(5) Environment=). Three layers apply to a command line, and each is undone by
/// systemd in turn: specifiers (<c>%</c> is written <c>%%</c>), quoting with C-style escapes (a word with spaces,
/// quotes, backslashes or control characters is quoted), and variable substitution (<c>$</c> is written <c>$$</c>).
/// </summary>
internal static class UnitSyntax
{
    /// <summary>A value in which systemd expands specifiers (%n, %h...): every % is doubled.</summary>
    public static string Specifiers(string text) => text.Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>
    /// One word of ExecStart=: specifiers and <c>$VAR</c> substitution disabled, quoted when it has to be. A lone
    /// ";" is quoted too, since unquoted it would separate commands.
    /// </summary>
    public static string ExecWord(string word) =>
        Quote(Specifiers(word).Replace("$", "$$", StringComparison.Ordinal), alwaysQuote: word.Length == 0 || word == ";");

    /// <summary>
    /// A whole ExecStart= command line: the program (an absolute path) and its arguments. The program is not subject
    /// to $VAR substitution (systemd executes the path as written), so its $ stays single.
    /// </summary>
    public static string ExecLine(IReadOnlyList<string> argv) =>
        string.Join(' ', argv.Select((word, i) => i == 0 ? Quote(Specifiers(word), alwaysQuote: false) : ExecWord(word)));

    /// <summary>One <c>Environment=</c> assignment, <c>NAME=value</c>, quoted as a whole when the value needs it.</summary>
    public static string EnvironmentAssignment(string name, string value) =>
        Quote(Specifiers($"{name}={value}"), alwaysQuote: false);

    /// <summary>Text for a comment or a single-line value: control characters (a newline would end the line) shown as C escapes.</summary>
    public static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var line = new StringBuilder(text.Length + 8);
        foreach (var c in text) AppendEscaped(line, c);
        return line.ToString();
    }

    /// <summary>
    /// Quotes a word when it contains whitespace, a quote, a backslash or a control character. Double quotes, unless the
    /// word has double quotes and no single ones (shell lines often do): then single quotes, which read better.
    /// Inside either, systemd undoes C escapes, so backslashes and the quote itself are escaped.
    /// </summary>
    private static string Quote(string word, bool alwaysQuote)
    {
        if (!alwaysQuote && !word.Any(NeedsQuotes)) return word;
        var quote = word.Contains('"') && !word.Contains('\'') ? '\'' : '"';
        var quoted = new StringBuilder(word.Length + 8).Append(quote);
        foreach (var c in word)
        {
            if (c == quote || c == '\\') quoted.Append('\\').Append(c);
            else AppendEscaped(quoted, c);
        }
        return quoted.Append(quote).ToString();
    }

    private static bool NeedsQuotes(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '\\';

    private static void AppendEscaped(StringBuilder text, char c)
    {
        switch (c)
        {
            case '\n': text.Append("\\n"); break;
            case '\t': text.Append("\\t"); break;
            case '\r': text.Append("\\r"); break;
            case var control when char.IsControl(control) && control < 0x100:
                text.Append("\\x").Append(((int)control).ToString("x2", CultureInfo.InvariantCulture));
                break;
            default: text.Append(c); break;
        }
    }
}
