using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Tui.Toml.Parsing;

namespace Tui.Toml;

/// <summary>
/// Strict UTF-8 decoding for TOML sources: a BOM is skipped only at the very start, and any invalid
/// sequence is an error at its line and column (a lenient decode would hide it behind U+FFFD).
/// </summary>
internal static class Utf8Decoding
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Decodes the text (without a leading BOM). The conversion goes through a buffer rented from
    /// <see cref="ArrayPool{T}.Shared"/>, cleared afterwards, so no configuration text (perhaps a secret) lingers there.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> utf8, string sourceName)
    {
        if (utf8.StartsWith(Bom))
            utf8 = utf8[Bom.Length..];
        // Valid UTF-8 never decodes to more chars than it has bytes.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, chars, out var bytesRead, out var length, replaceInvalidSequences: false);
            // Decoding stops at the first invalid sequence, so bytesRead is where it starts.
            return status == OperationStatus.Done ? new string(chars, 0, length) : throw InvalidAt(utf8, bytesRead, sourceName);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }
    }

    private static TomlException InvalidAt(ReadOnlySpan<byte> utf8, int badIndex, string sourceName)
    {
        var before = utf8[..badIndex];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        // Everything before the bad byte is valid, so each scalar value starts with one non-continuation byte.
        var column = 1;
        foreach (var b in utf8[lineStart..badIndex])
        {
            if ((b & 0xC0) != 0x80)
                column++;
        }
        var lineEnd = utf8[lineStart..].IndexOf((byte)'\n');
        var lineBytes = lineEnd < 0 ? utf8[lineStart..] : utf8.Slice(lineStart, lineEnd);
        // The excerpt is decoded leniently (U+FFFD for the bad bytes) only to show it.
        var lineText = Encoding.UTF8.GetString(lineBytes).AsSpan();
        var caretIndex = Encoding.UTF8.GetCharCount(utf8[lineStart..badIndex]);
        var reason = $"invalid UTF-8 (byte 0x{utf8[badIndex]:X2}); a TOML file must be UTF-8 encoded";
        return SourceExcerpt.Exception(sourceName, new TomlPosition(line, column), reason, lineText, 0, caretIndex);
    }
}
