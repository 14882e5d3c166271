namespace Tui.Terminal.Drawing;

/// <summary>
/// Interned one-char strings, so drawing text does not allocate a string per cell
/// (a 200x60 frame has 12,000 cells and is drawn up to 30 times a second).
/// </summary>
internal static class Symbols
{
    // One slot per UTF-16 code unit; filled lazily. A race only creates two equal strings.
    private static readonly string?[] ByChar = new string?[char.MaxValue + 1];

    public static string Of(char c) => ByChar[c] ??= c.ToString();

    /// <summary>The grapheme as a string, interned when it is a single UTF-16 unit.</summary>
    public static string Of(ReadOnlySpan<char> grapheme) => grapheme.Length == 1 ? Of(grapheme[0]) : grapheme.ToString();
}
