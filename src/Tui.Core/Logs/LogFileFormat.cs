using System.Globalization;
using System.Text;

namespace Tui.Core.Logs;

/// <summary>
/// One line of a process's log file: <c>2025-01-02T14:02:10.120Z out GET /health 200</c>.
/// The UTC timestamp (milliseconds, fixed width), the stream (<c>out</c>, <c>err</c>, <c>sys</c>), then the text as the
/// child wrote it (ANSI sequences included). A tag ending in <c>+</c> (<c>out+</c>) marks a partial line: the text
/// was cut at the length bound or flushed without its newline, and the next line of that stream continues it.
/// </summary>
/// <remarks>
/// Timestamped and tagged rather than raw, because one file holds both streams and Tui's own lines (started, exited),
/// interleaved; the prefix is fixed width so <c>cut -c30-</c> gives the raw text back.
/// </remarks>
public static class LogFileFormat
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Bytes of the timestamp, always the same width.</summary>
    public const int TimestampBytes = 24;

    /// <summary>Timestamp, space, tag of up to 4 bytes, space.</summary>
    public const int MaxPrefixBytes = TimestampBytes + 1 + 4 + 1;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>An upper bound of the bytes <see cref="Format"/> writes for <paramref name="line"/>.</summary>
    public static int MaxBytes(LogLine line) => MaxPrefixBytes + Utf8.GetMaxByteCount(line.Text.Length) + 1;

    /// <summary>Writes the formatted line, newline included, and returns its length in bytes.</summary>
    public static int Format(LogLine line, Span<byte> destination)
    {
        var written = FormatTimestamp(line.Timestamp, destination);
        return written + FormatAfterTimestamp(line, destination[written..]);
    }

    /// <summary>
    /// Writes the fixed-width UTC timestamp (<see cref="TimestampBytes"/>). Split out because formatting it is half the
    /// cost of a line, and all lines of one read share it: a writer formats it once and copies it.
    /// </summary>
    public static int FormatTimestamp(DateTimeOffset at, Span<byte> destination)
    {
        at.UtcDateTime.TryFormat(destination, out var written, TimestampFormat, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Writes what follows the timestamp: space, tag, space, text, newline; returns its length in bytes.</summary>
    public static int FormatAfterTimestamp(LogLine line, Span<byte> destination)
    {
        var written = 0;
        destination[written++] = (byte)' ';
        written += FormatTag(line.Stream, line.Partial, destination[written..]);
        destination[written++] = (byte)' ';
        written += Utf8.GetBytes(line.Text, destination[written..]);
        destination[written++] = (byte)'\n';
        return written;
    }

    private static int FormatTag(LogStream stream, bool partial, Span<byte> destination)
    {
        ReadOnlySpan<byte> tag = stream switch
        {
            LogStream.Stdout => "out"u8,
            LogStream.Stderr => "err"u8,
            _ => "sys"u8,
        };
        tag.CopyTo(destination);
        if (!partial) return tag.Length;
        destination[tag.Length] = (byte)'+';
        return tag.Length + 1;
    }

    /// <summary>Reads back one line of a log file (without its newline); false when it is not in this format.</summary>
    public static bool TryParse(string fileLine, out DateTimeOffset timestamp, out LogStream stream, out bool partial, out string text)
    {
        timestamp = default;
        stream = default;
        partial = false;
        text = string.Empty;
        if (fileLine.Length < TimestampBytes + 5 || fileLine[TimestampBytes] != ' ') return false;
        if (!DateTimeOffset.TryParseExact(fileLine.AsSpan(0, TimestampBytes), TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out timestamp))
        {
            return false;
        }

        var rest = fileLine.AsSpan(TimestampBytes + 1);
        var space = rest.IndexOf(' ');
        if (space < 0) return false;
        var tag = rest[..space];
        partial = tag.EndsWith("+");
        if (partial) tag = tag[..^1];
        switch (tag)
        {
            case "out": stream = LogStream.Stdout; break;
            case "err": stream = LogStream.Stderr; break;
            case "sys": stream = LogStream.System; break;
            default: return false;
        }
        text = rest[(space + 1)..].ToString();
        return true;
    }
}
