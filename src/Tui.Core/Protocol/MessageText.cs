using System.Text;
using System.Text.RegularExpressions;

namespace Tui.Core.Protocol;

/// <summary>Shared rules for the text inside messages: event names, and status lines fit to show.</summary>
public static partial class MessageText
{
    /// <summary>Event names: one word, as in a marker (<c>::tui NAME k=v</c>) and in the config's [processes.NAME.events.NAME].</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")]
    public static partial Regex EventName();

    /// <summary>
    /// A status as shown: escape sequences (colours, titles) are removed, other control characters become spaces, and it
    /// is cut to one short line; empty is null.
    /// </summary>
    public static string? CleanStatus(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = new StringBuilder(Math.Min(text.Length, ProtocolLimits.MaxStatusChars));
        for (var i = 0; i < text.Length && clean.Length < ProtocolLimits.MaxStatusChars; i++)
        {
            var c = text[i];
            if (c == '\u001b')
            {
                i = SkipEscape(text, i);
                continue;
            }
            clean.Append(char.IsControl(c) ? ' ' : c);
        }
        var result = clean.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>The index of the last character of the escape sequence starting at <paramref name="escape"/> (CSI, OSC, or a two-character one).</summary>
    private static int SkipEscape(string text, int escape)
    {
        var i = escape + 1;
        if (i >= text.Length) return escape;
        switch (text[i])
        {
            case '[':
                while (++i < text.Length && text[i] is < '\u0040' or > '\u007e') { }
                return Math.Min(i, text.Length - 1);
            case ']':
                while (++i < text.Length && text[i] != '\u0007' && !(text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '\\')) { }
                return i < text.Length && text[i] == '\u001b' ? i + 1 : Math.Min(i, text.Length - 1);
            default:
                return i;
        }
    }
}
