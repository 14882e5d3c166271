using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Tui.Core.Config.Variables;

/// <summary>
/// Expands variables in environment values: <c>${NAME}</c> (empty when unset), <c>${NAME:-default}</c>
/// (the default, itself expanded, when unset or empty) and <c>$$</c> (a literal dollar).
/// The bare form <c>$NAME</c> is an error rather than literal text: silently keeping "$HOME/bin" unexpanded
/// is a worse surprise than being asked to write "${HOME}/bin" or "$$HOME/bin".
/// A dollar followed by anything else ("$5", "a$") is kept as it is.
/// </summary>
public static class Interpolator
{
    /// <summary>Deep enough for any real default-of-a-default; stops a pathological value from recursing without end.</summary>
    public const int MaxNesting = 16;

    public static bool TryExpand(string text, Func<string, string?> lookup, [NotNullWhen(true)] out string? result, [NotNullWhen(false)] out string? error)
        => TryExpand(text, lookup, 0, out result, out error);

    private static bool TryExpand(string text, Func<string, string?> lookup, int depth, [NotNullWhen(true)] out string? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (depth > MaxNesting)
        {
            error = $"variables are nested more than {MaxNesting} deep";
            return false;
        }
        if (!text.Contains('$'))
        {
            result = text;
            error = null;
            return true;
        }

        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$' || i + 1 == text.Length)
            {
                output.Append(c);
                i++;
                continue;
            }
            var next = text[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i += 2;
            }
            else if (next == '{')
            {
                if (!TryExpandBraced(text, ref i, lookup, depth, output, out error)) return false;
            }
            else if (IsNameStart(next))
            {
                var end = i + 1;
                while (end < text.Length && IsNamePart(text[end])) end++;
                var name = text[(i + 1)..end];
                error = $"write ${{{name}}} to use the variable {name}, or $${name} for a literal \"${name}\"";
                return false;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        result = output.ToString();
        error = null;
        return true;
    }

    /// <summary>Expands the ${...} that starts at <paramref name="i"/> and moves <paramref name="i"/> past its closing brace.</summary>
    private static bool TryExpandBraced(string text, ref int i, Func<string, string?> lookup, int depth, StringBuilder output, [NotNullWhen(false)] out string? error)
    {
        var nameStart = i + 2;
        var nameEnd = nameStart;
        while (nameEnd < text.Length && IsNamePart(text[nameEnd])) nameEnd++;
        var name = text[nameStart..nameEnd];
        if (name.Length == 0 || !IsNameStart(name[0]))
        {
            error = nameEnd < text.Length || name.Length > 0
                ? $"\"${{\" must be followed by a variable name (letters, digits, _; not starting with a digit)"
                : "unclosed \"${\"";
            return false;
        }
        if (nameEnd == text.Length)
        {
            error = $"unclosed \"${{{name}\"; add \"}}\"";
            return false;
        }

        if (text[nameEnd] == '}')
        {
            output.Append(lookup(name) ?? "");
            i = nameEnd + 1;
            error = null;
            return true;
        }

        if (!text.AsSpan(nameEnd).StartsWith(":-"))
        {
            error = $"unexpected \"{text[nameEnd]}\" after \"${{{name}\"; the forms are ${{{name}}} and ${{{name}:-default}}";
            return false;
        }

        var defaultStart = nameEnd + 2;
        var close = FindClosingBrace(text, defaultStart);
        if (close < 0)
        {
            error = $"unclosed \"${{{name}:-\"; add \"}}\"";
            return false;
        }

        var value = lookup(name);
        if (string.IsNullOrEmpty(value))
        {
            if (!TryExpand(text[defaultStart..close], lookup, depth + 1, out var expandedDefault, out error)) return false;
            value = expandedDefault;
        }
        output.Append(value);
        i = close + 1;
        error = null;
        return true;
    }

    /// <summary>The index of the brace closing a default, skipping nested ${...} and $$; -1 when there is none.</summary>
    private static int FindClosingBrace(string text, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && (text[i + 1] == '$' || text[i + 1] == '{'))
            {
                if (text[i + 1] == '{') depth++;
                i++;
            }
            else if (text[i] == '}')
            {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';
    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
