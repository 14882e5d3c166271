using Tomlyn;
using Tomlyn.Parsing;
using Tui.Toml.Parsing;

namespace Tui.Toml;

/// <summary>
/// Entry point: parses TOML 1.1 text into a <see cref="TomlDocument"/>, or throws <see cref="TomlException"/>.
/// Parsing and TOML's rules are Tomlyn's validating syntax parser (the only Tomlyn path that refuses duplicate keys
/// and tables defined twice); strict UTF-8 decoding, the position-keeping model and the error wording are Tui's.
/// </summary>
public static class TomlParser
{
    /// <summary>
    /// Deepest nesting accepted: tables (from headers or dotted keys), arrays and inline tables together,
    /// counted from the root. Consumers walk the document recursively (the toml-test encoder, the config loader)
    /// and a stack overflow kills the process (no catch can stop it), so hostile input like 100,000 '['s must be
    /// refused first. 128 levels is far beyond any real configuration and costs only tens of KB of stack.
    /// </summary>
    public const int MaxNestingDepth = 128;

    /// <summary>Tomlyn's own bound on nested values, the same as ours (it counts the key holding the value as one level).</summary>
    private static readonly TomlSerializerOptions Options = new() { MaxDepth = MaxNestingDepth };

    /// <summary>Parses raw bytes, which must be strict UTF-8 (a leading BOM is allowed).</summary>
    public static TomlDocument Parse(ReadOnlySpan<byte> utf8, string sourceName = "<input>")
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        return ParseText(Utf8Decoding.Decode(utf8, sourceName), sourceName);
    }

    /// <summary>Parses already decoded text.</summary>
    public static TomlDocument Parse(string text, string sourceName = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        // A string can hold what UTF-8 cannot: a lone surrogate. Refuse it, as the byte path would.
        var lone = Utf16Validation.FindLoneSurrogate(text);
        if (lone >= 0)
            throw Utf16Validation.LoneSurrogateError(text, lone, sourceName);
        return ParseText(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, sourceName);
    }

    /// <summary>Reads and parses a file; the error names the file as given.</summary>
    public static TomlDocument ParseFile(string path) => Parse(File.ReadAllBytes(path), path);

    private static TomlDocument ParseText(string text, string sourceName)
    {
        var errors = new SourceErrors(text, sourceName);
        // The one BOM allowed is gone already; Tomlyn would skip a second one too.
        if (text.Length > 0 && text[0] == '\uFEFF')
            throw errors.At(new TomlPosition(1, 1), 0, "a byte order mark (U+FEFF) is allowed only at the very start of the file");
        var syntax = Syntax(text, sourceName, errors);
        if (DiagnosticWording.FirstError(syntax, text, errors) is { } error)
            throw error;
        return DocumentAdapter.Build(syntax, errors);
    }

    private static Tomlyn.Syntax.DocumentSyntax Syntax(string text, string sourceName, SourceErrors errors)
    {
        try
        {
            return SyntaxParser.Parse(text, Options, sourceName, validate: true);
        }
        catch (Tomlyn.TomlException)
        {
            // Tomlyn throws (rather than reports) only when values nest past MaxDepth; find where.
            var (offset, position) = NestingLocator.TooDeep(text, MaxNestingDepth) ?? (0, new TomlPosition(1, 1));
            throw errors.At(position, offset, $"tables and values are nested more than {MaxNestingDepth} levels deep");
        }
        catch (ArgumentOutOfRangeException)
        {
            // Tomlyn 2.11.1 crashes on a string escape cut off by the end of the file ("a = \"\\" as the last
            // bytes): formatting its own message, it turns end-of-file into a character. With a newline added, the
            // same mistake is an ordinary diagnostic at the same place (the text before it is unchanged).
            var retried = SyntaxParser.Parse(text + "\n", Options, sourceName, validate: true);
            if (!retried.HasErrors)
                throw errors.At(EndOf(text), text.Length, "the file ends inside a string's escape sequence");
            return retried;
        }
    }

    private static TomlPosition EndOf(string text)
    {
        var lastLine = text.LastIndexOf('\n') + 1;
        var columns = 1;
        foreach (var _ in text.AsSpan(lastLine).EnumerateRunes())
            columns++;
        return new TomlPosition(text.AsSpan().Count('\n') + 1, columns);
    }
}
