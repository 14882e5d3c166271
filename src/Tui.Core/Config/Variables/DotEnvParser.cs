using System.Collections.Immutable;
using System.Text;
using Tui.Core.Config.Loading;
using Tui.Toml;

namespace Tui.Core.Config.Variables;

/// <summary>The entries of a dotenv file and the problems found in it (a bad line is skipped, the rest still count).</summary>
internal sealed record DotEnvFile(ImmutableArray<DotEnvEntry> Entries, ImmutableArray<TomlException> Errors);

/// <summary>
/// Reads the dotenv format most tools agree on: <c>KEY=value</c> lines, an optional <c>export </c> prefix,
/// blank lines and <c>#</c> comments; values unquoted (trimmed, a " #" starts a comment), 'single-quoted'
/// (literal, may span lines) or "double-quoted" (escapes \n \r \t \\ \" \$, may span lines).
/// Keys are portable variable names: letters, digits and _, not starting with a digit.
/// </summary>
internal static class DotEnvParser
{
    private const string ExportPrefix = "export";

    public static DotEnvFile Parse(string text, string sourceName) => Parse(new SourceText(sourceName, text), text);

    public static DotEnvFile Parse(SourceText source, string text)
    {
        var entries = ImmutableArray.CreateBuilder<DotEnvEntry>();
        var errors = ImmutableArray.CreateBuilder<TomlException>();
        var cursor = new Cursor(text);

        while (!cursor.AtEnd)
        {
            cursor.SkipBlanks();
            if (cursor.AtEnd) break;
            if (cursor.Current is '\n' or '\r' or '#')
            {
                cursor.SkipLine();
                continue;
            }
            if (TryParseEntry(ref cursor, out var entry, out var error, out var errorAt))
                entries.Add(entry);
            else
            {
                errors.Add(source.Error(errorAt, error));
                cursor.SkipLine();
            }
        }
        return new DotEnvFile(entries.ToImmutable(), errors.ToImmutable());
    }

    private static bool TryParseEntry(ref Cursor cursor, out DotEnvEntry entry, out string error, out TomlPosition errorAt)
    {
        entry = null!;
        var keyPosition = cursor.Position;
        var key = cursor.ReadWord();
        if (key == ExportPrefix && cursor.Current is ' ' or '\t')
        {
            cursor.SkipBlanks();
            keyPosition = cursor.Position;
            key = cursor.ReadWord();
        }

        if (key.Length == 0 || !IsName(key))
        {
            errorAt = keyPosition;
            error = key.Length == 0
                ? "expected KEY=value"
                : $"\"{key}\" is not a variable name (letters, digits and _, not starting with a digit)";
            return false;
        }
        cursor.SkipBlanks();
        if (cursor.Current != '=')
        {
            errorAt = cursor.Position;
            error = $"expected \"=\" after {key}";
            return false;
        }
        cursor.Advance();
        cursor.SkipBlanks();

        var valuePosition = cursor.Position;
        string value;
        DotEnvQuoting quoting;
        switch (cursor.Current)
        {
            case '\'':
                quoting = DotEnvQuoting.Single;
                if (!TryReadQuoted(ref cursor, '\'', escapes: false, out value))
                {
                    (errorAt, error) = (valuePosition, $"unclosed ' in the value of {key}");
                    return false;
                }
                break;
            case '"':
                quoting = DotEnvQuoting.Double;
                if (!TryReadQuoted(ref cursor, '"', escapes: true, out value))
                {
                    (errorAt, error) = (valuePosition, $"unclosed \" in the value of {key}");
                    return false;
                }
                break;
            default:
                quoting = DotEnvQuoting.None;
                value = ReadUnquoted(ref cursor);
                break;
        }

        if (quoting != DotEnvQuoting.None)
        {
            cursor.SkipBlanks();
            if (!cursor.AtEnd && cursor.Current is not ('\n' or '\r' or '#'))
            {
                (errorAt, error) = (cursor.Position, $"unexpected text after the quoted value of {key}");
                return false;
            }
        }
        cursor.SkipLine();
        entry = new DotEnvEntry(key, value, quoting, keyPosition, valuePosition);
        (errorAt, error) = (default, "");
        return true;
    }

    private static bool TryReadQuoted(ref Cursor cursor, char quote, bool escapes, out string value)
    {
        var text = new StringBuilder();
        cursor.Advance();
        while (!cursor.AtEnd)
        {
            var c = cursor.Current;
            cursor.Advance();
            if (c == quote)
            {
                value = text.ToString();
                return true;
            }
            if (c == '\\' && escapes && !cursor.AtEnd)
            {
                var e = cursor.Current;
                cursor.Advance();
                text.Append(e switch
                {
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    '\\' => "\\",
                    '"' => "\"",
                    '$' => "$$", // stays a literal dollar through interpolation
                    _ => "\\" + e,
                });
                continue;
            }
            if (c == '\r' && cursor.Current == '\n') continue; // CRLF inside a multi-line value is a newline
            text.Append(c);
        }
        value = "";
        return false;
    }

    /// <summary>The rest of the line, trimmed; whitespace followed by # starts a comment.</summary>
    private static string ReadUnquoted(ref Cursor cursor)
    {
        var text = new StringBuilder();
        while (!cursor.AtEnd && cursor.Current is not ('\n' or '\r'))
        {
            if (cursor.Current == '#' && (text.Length == 0 || text[^1] is ' ' or '\t')) break;
            text.Append(cursor.Current);
            cursor.Advance();
        }
        return text.ToString().TrimEnd(' ', '\t');
    }

    private static bool IsName(string key) =>
        (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A position in the text that knows its line and column.</summary>
    private struct Cursor(string text)
    {
        private int _index;
        private int _line = 1;
        private int _column = 1;

        public readonly bool AtEnd => _index >= text.Length;
        public readonly char Current => AtEnd ? '\0' : text[_index];
        public readonly TomlPosition Position => new(_line, _column);

        public void Advance()
        {
            if (AtEnd) return;
            if (text[_index] == '\n')
            {
                _line++;
                _column = 1;
            }
            else if (!char.IsLowSurrogate(text[_index]))
                _column++;
            _index++;
        }

        public void SkipBlanks()
        {
            while (Current is ' ' or '\t') Advance();
        }

        /// <summary>Moves past the end of the current line.</summary>
        public void SkipLine()
        {
            while (!AtEnd && Current != '\n') Advance();
            Advance();
        }

        /// <summary>Reads up to whitespace, '=' or the end of the line.</summary>
        public string ReadWord()
        {
            var start = _index;
            while (!AtEnd && Current is not (' ' or '\t' or '=' or '\n' or '\r')) Advance();
            return text[start.._index];
        }
    }
}
