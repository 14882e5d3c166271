namespace Tui.Toml;

/// <summary>
/// The one error type of Tui.Toml: a problem at a place in a source, told the way a person reads it:
/// <code>
/// processes.toml:12:9: expected `=` after a key, found "always"
///    12 | restart "always"
///       |         ^
/// </code>
/// Configuration validation (Tui.Core) raises it too, so every config error has the same shape.
/// </summary>
public sealed class TomlException : Exception
{
    public TomlException(string sourceName, TomlPosition position, string reason, string? sourceLine)
        : this(sourceName, position, reason, sourceLine, position.Column)
    {
    }

    /// <summary>
    /// For an excerpt that is a window of a long line: <paramref name="caretColumn"/> is where the caret goes
    /// within <paramref name="sourceLine"/> (1-based), while <paramref name="position"/> stays the true place.
    /// </summary>
    internal TomlException(string sourceName, TomlPosition position, string reason, string? sourceLine, int caretColumn)
        : base(Format(sourceName, position, reason, sourceLine, caretColumn))
    {
        SourceName = sourceName;
        Position = position;
        Reason = reason;
        SourceLine = sourceLine;
    }

    public string SourceName { get; }
    public TomlPosition Position { get; }
    public int Line => Position.Line;
    public int Column => Position.Column;
    /// <summary>The message without place or excerpt, e.g. "expected `=` after a key, found \"always\"".</summary>
    public string Reason { get; }
    /// <summary>The offending line's text, when known (control characters made visible).</summary>
    public string? SourceLine { get; }

    /// <summary>"file:line:col: reason" on one line, for event streams and status bars.</summary>
    public string ShortMessage => $"{SourceName}:{Position.Line}:{Position.Column}: {Reason}";

    private static string Format(string sourceName, TomlPosition position, string reason, string? sourceLine, int caretColumn)
    {
        var head = $"{sourceName}:{position.Line}:{position.Column}: {reason}";
        if (sourceLine is null)
            return head;
        var gutter = position.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);
        var caretIndent = new string(' ', Math.Max(0, Math.Min(caretColumn - 1, sourceLine.Length)));
        return $"{head}\n {gutter} | {sourceLine}\n {pad} | {caretIndent}^";
    }
}
