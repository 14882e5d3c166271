namespace Tui.Toml;

/// <summary>Entry point: parses TOML 1.0.0 text into a <see cref="TomlDocument"/>, or throws <see cref="TomlException"/>.</summary>
public static partial class TomlParser
{
    /// <summary>Parses raw bytes, which must be strict UTF-8 (a leading BOM is allowed).</summary>
    public static TomlDocument Parse(ReadOnlySpan<byte> utf8, string sourceName = "<input>") => throw new NotImplementedException();

    /// <summary>Parses already decoded text.</summary>
    public static TomlDocument Parse(string text, string sourceName = "<input>") => throw new NotImplementedException();

    /// <summary>Reads and parses a file; the error names the file as given.</summary>
    public static TomlDocument ParseFile(string path) => Parse(File.ReadAllBytes(path), path);
}
