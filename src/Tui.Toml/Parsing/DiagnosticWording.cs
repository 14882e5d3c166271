using System.Text.RegularExpressions;
using Tomlyn.Syntax;

namespace Tui.Toml.Parsing;

/// <summary>
/// Turns Tomlyn's first diagnostic into Tui's error: the earliest problem (Tomlyn's later ones are mostly echoes
/// of it), 1-based, with a reason a person reads at a glance. Tomlyn's messages can be long (a redefined table is
/// quoted whole), so the common ones are reworded; any other is kept, tidied.
/// </summary>
internal static partial class DiagnosticWording
{
    /// <summary>The error to throw for the parsed <paramref name="syntax"/> of <paramref name="text"/>, or null when Tomlyn found none.</summary>
    public static TomlException? FirstError(DocumentSyntax syntax, string text, SourceErrors errors)
    {
        DiagnosticMessage? first = null;
        foreach (var diagnostic in syntax.Diagnostics)
        {
            if (diagnostic.Kind == DiagnosticMessageKind.Error && (first is null || diagnostic.Span.Offset < first.Span.Offset))
                first = diagnostic;
        }
        if (first is null)
            return null;
        var offset = Math.Clamp(first.Span.Offset, 0, text.Length);
        var position = new TomlPosition(first.Span.Start.Line + 1, first.Span.Start.Column + 1);
        var reason = Reword(first.Message, text, offset, errors);
        // Tomlyn points at the bad letter after an escape's backslash (in "\Users" at the 's' that is not hex);
        // the mistake starts at the backslash, and the reason quotes the whole sequence.
        if (InvalidEscape().IsMatch(first.Message) && EscapeStart(text, offset) is var backslash and >= 0)
        {
            var sequence = text[backslash..Math.Min(text.Length, offset + 1)];
            position = position with { Column = position.Column - (offset - backslash) };
            offset = backslash;
            reason = $"invalid escape sequence `{sequence}`; write `\\\\` for a backslash (or use a 'literal string'), valid escapes are \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH \\UHHHHHHHH";
        }
        // Tomlyn finds a missing ']' where the file ends; the array that lacks it is what the user must find.
        if (first.Message.Contains(MissingBracket, StringComparison.Ordinal) && UnclosedArray(syntax) is { OpenBracket: { } open })
        {
            offset = open.Span.Start.Offset;
            position = new TomlPosition(open.Span.Start.Line + 1, open.Span.Start.Column + 1);
            reason = "unterminated array: the `]` that closes this `[` is missing";
        }
        return errors.At(position, offset, reason);
    }

    private const string MissingBracket = "Expecting a closing `]` for an array";

    /// <summary>The first array of the tree that has no closing bracket.</summary>
    private static ArraySyntax? UnclosedArray(DocumentSyntax syntax)
    {
        foreach (var node in syntax.Descendants())
        {
            if (node is ArraySyntax { CloseBracket: null } array)
                return array;
        }
        return null;
    }

    /// <summary>The backslash that starts the escape sequence holding <paramref name="offset"/> (at most 9 characters back), or -1.</summary>
    private static int EscapeStart(string text, int offset)
    {
        for (var i = offset - 1; i >= 0 && i >= offset - 9 && text[i] is not ('\n' or '"'); i--)
        {
            if (text[i] == '\\')
                return i;
        }
        return -1;
    }

    private static string Reword(string message, string text, int offset, SourceErrors errors)
    {
        if (Redefined().Match(message) is { Success: true } redefined)
        {
            var name = Short(redefined.Groups["name"].Value);
            var first = new TomlPosition(int.Parse(redefined.Groups["line"].ValueSpan), int.Parse(redefined.Groups["column"].ValueSpan));
            var where = $"at line {first.Line}, column {first.Column}";
            var isHeader = offset < text.Length && text[offset] == '[';
            if (!isHeader)
                return $"duplicate key `{name}`: it was already defined {where}";
            return errors.CharAt(first) == '['
                ? $"table [{name}] is defined twice (first {where})"
                : $"table [{name}] cannot be defined here: `{name}` was already set by a key {where}";
        }
        if (MissingEquals().Match(message) is { Success: true } missingEquals)
            return $"expected `=` after a key, found {Found(Short(missingEquals.Groups["found"].Value))}";
        if (NotAValue().Match(message) is { Success: true } notAValue)
        {
            var token = Short(notAValue.Groups["token"].Value);
            return token.Length > 0 && char.IsLetter(token[0])
                ? $"expected a value, found `{token}`; strings must be quoted: \"{token} ...\""
                : $"expected a value, found `{token}`";
        }
        if (message.StartsWith("Invalid newline in a string", StringComparison.Ordinal))
            return "unterminated string: a \"...\" string must close on its own line (\"\"\"...\"\"\" spans lines)";
        if (message.StartsWith("Invalid End-Of-File found", StringComparison.Ordinal))
            return "unterminated string: the file ends before its closing quote";
        if (BadInteger().Match(message) is { Success: true } integer)
            return $"invalid integer `{Short(integer.Groups["value"].Value)}`: out of range (64-bit) or malformed";
        if (BadDateTime().Match(message) is { Success: true } dateTime)
            return $"invalid date or time `{Short(dateTime.Groups["value"].Value)}`: no such day, or a field out of range";
        if (message.Contains(MissingBracket, StringComparison.Ordinal))
            return "unterminated array: the closing `]` is missing";
        if (NotRfc3339().Match(message) is { Success: true } format)
            return $"invalid date or time `{Short(format.Groups["value"].Value)}`: write it as RFC 3339, e.g. 1979-05-27T07:32:00Z, 1979-05-27 or 07:32:00";
        if (ControlCharacter().Match(message) is { Success: true } control)
        {
            var code = int.Parse(control.Groups["hex"].ValueSpan, System.Globalization.NumberStyles.HexNumber);
            return $"control character U+{code:X4} is not allowed here; in a string write it escaped (\\u{code:X4})";
        }
        if (BadScalar().Match(message) is { Success: true } scalar)
            return $"invalid escape: U+{scalar.Groups["hex"].Value} is not a Unicode scalar value";
        if (ExpectingNewline().Match(message) is { Success: true } newline)
            return $"expected the end of the line, found `{Short(newline.Groups["found"].Value)}` (one `key = value` per line)";
        return Short(Tidy(message), MaxReasonLength);
    }

    /// <summary>Tomlyn quotes whole tokens, and a token can be megabytes (a run of 50 million quotes): quotes are cut.</summary>
    private const int MaxQuoteLength = 40;

    private const int MaxReasonLength = 300;

    private static string Short(string text, int max = MaxQuoteLength) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    /// <summary>Tomlyn's wording with the first letter lowered, no trailing period, and its newline symbol spelt out.</summary>
    private static string Tidy(string message)
    {
        message = TokenKindNote().Replace(message.Replace("␤", "the end of the line"), "").TrimEnd('.');
        return message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }

    private static string Found(string found) => found == "␤" ? "the end of the line" : found;

    [GeneratedRegex(@"^The key `(?<name>.*)` is already defined at \((?<line>\d+),(?<column>\d+)\)", RegexOptions.Singleline)]
    private static partial Regex Redefined();

    [GeneratedRegex(@"^Expecting `=` after a key instead of (?<found>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingEquals();

    [GeneratedRegex(@"^Unexpected token `(?<token>.*)` for a value$", RegexOptions.Singleline)]
    private static partial Regex NotAValue();

    [GeneratedRegex(@"^Unexpected escape character \[(?<char>.)\]", RegexOptions.Singleline)]
    private static partial Regex InvalidEscape();

    [GeneratedRegex(@"^Unable to parse integer `(?<value>.*)`", RegexOptions.Singleline)]
    private static partial Regex BadInteger();

    [GeneratedRegex(@"^Unable to parse the date time/offset `(?<value>.*)`", RegexOptions.Singleline)]
    private static partial Regex BadDateTime();

    [GeneratedRegex(@"^Invalid format of date time/offset `(?<value>.*)` not following RFC3339", RegexOptions.Singleline)]
    private static partial Regex NotRfc3339();

    [GeneratedRegex(@"^Invalid control character found \\u(?<hex>[0-9A-Fa-f]+);", RegexOptions.Singleline)]
    private static partial Regex ControlCharacter();

    /// <summary>Tomlyn's " (token: `comma`)" asides name its lexer's tokens, which mean nothing to a user.</summary>
    [GeneratedRegex(@" \(token: [^)]*\)")]
    private static partial Regex TokenKindNote();

    [GeneratedRegex(@"^Invalid Unicode scalar value \[(?<hex>[0-9A-Fa-f]+)\]", RegexOptions.Singleline)]
    private static partial Regex BadScalar();

    [GeneratedRegex(@"^Unexpected token found `(?<found>[^`]*)`.* while expecting token `newline`", RegexOptions.Singleline)]
    private static partial Regex ExpectingNewline();
}
