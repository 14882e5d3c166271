namespace Tui.Toml;

/// <summary>
/// A value of a parsed TOML document. Every node remembers where its value starts in the source,
/// so that configuration validation can point at the exact line and column.
/// </summary>
public abstract class TomlNode
{
    protected TomlNode(TomlPosition position) => Position = position;

    /// <summary>Where the value starts (for a table: its header, or its first key for the root or a dotted-key table).</summary>
    public TomlPosition Position { get; internal set; }

    /// <summary>The TOML type name as toml-test spells it: string, integer, float, bool, datetime, datetime-local, date-local, time-local, array, table.</summary>
    public abstract string TypeName { get; }
}
