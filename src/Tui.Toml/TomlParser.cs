using System.Buffers;
using Tui.Toml.Parsing;

namespace Tui.Toml;

/// <summary>Entry point: parses TOML 1.0.0 text into a <see cref="TomlDocument"/>, or throws <see cref="TomlException"/>.</summary>
public static partial class TomlParser
{
    /// <summary>
    /// Deepest nesting accepted: tables (from headers or dotted keys), arrays and inline tables together,
    /// counted from the root. Values are parsed recursively, and a stack overflow kills the process (no catch
    /// can stop it), so hostile input like 100,000 '['s must be refused before that; consumers that walk the
    /// document recursively (the toml-test encoder, the config loader) are protected by the same bound.
    /// 128 levels is far beyond any real configuration and costs only tens of KB of stack.
    /// </summary>
    public const int MaxNestingDepth = 128;

    /// <summary>Parses raw bytes, which must be strict UTF-8 (a leading BOM is allowed).</summary>
    public static TomlDocument Parse(ReadOnlySpan<byte> utf8, string sourceName = "<input>")
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var chars = Utf8Decoding.DecodeToRentedBuffer(utf8, sourceName, out var length);
        try
        {
            return new DocumentParser(chars, length, 0, sourceName).Parse();
        }
        finally
        {
            // Cleared, so no configuration text (perhaps a secret) lingers in the shared pool.
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }
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
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            text.CopyTo(chars);
            var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            return new DocumentParser(chars, text.Length, start, sourceName).Parse();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }
    }

    /// <summary>Reads and parses a file; the error names the file as given.</summary>
    public static TomlDocument ParseFile(string path) => Parse(File.ReadAllBytes(path), path);
}
