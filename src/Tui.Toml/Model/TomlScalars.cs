namespace Tui.Toml;

public sealed class TomlString(string value, TomlPosition position) : TomlNode(position)
{
    public string Value { get; } = value;
    public override string TypeName => "string";
    public override string ToString() => Value;
}

public sealed class TomlInteger(long value, TomlPosition position) : TomlNode(position)
{
    public long Value { get; } = value;
    public override string TypeName => "integer";
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class TomlFloat(double value, TomlPosition position) : TomlNode(position)
{
    public double Value { get; } = value;
    public override string TypeName => "float";
}

public sealed class TomlBoolean(bool value, TomlPosition position) : TomlNode(position)
{
    public bool Value { get; } = value;
    public override string TypeName => "bool";
}
