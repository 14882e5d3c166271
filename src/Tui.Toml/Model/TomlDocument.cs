namespace Tui.Toml;

/// <summary>A parsed TOML document: its root table and the name of the source it came from (for error messages).</summary>
public sealed record TomlDocument(TomlTable Root, string SourceName);
