namespace Tui.Toml.Tests.Parsing;

/// <summary>TOML's redefinition rules, each refused with a reason that says what was defined where.</summary>
public sealed class DocumentRuleTests
{
    private static TomlException Invalid(string toml) => Assert.Throws<TomlException>(() => TomlParser.Parse(toml, "rules.toml"));

    private static TomlTable Valid(string toml) => TomlParser.Parse(toml, "rules.toml").Root;

    [Theory]
    [InlineData("a = 1\na = 2", 2, 1, "duplicate key `a`: it was already defined at line 1, column 1")]
    [InlineData("a.b = 1\na.b = 2", 2, 1, "duplicate key `a.b`")]
    [InlineData("[t]\n[t]", 2, 1, "table [t] is defined twice (first at line 1, column 1)")]
    [InlineData("a.b = 1\n[a]", 2, 1, "table [a] cannot be defined here: `a` was already set by a key at line 1, column 1")]
    [InlineData("a = {}\n[a]", 2, 1, "already set by a key")]
    [InlineData("a = {b = 1}\n[a.c]", 2, 2, "duplicate key `a`")]
    [InlineData("a = {b = 1}\na.c = 2", 2, 1, "duplicate key `a`")]
    [InlineData("a = {b = {c = 1}, b.d = 2}", 1, 19, "duplicate key `a.b`")]
    [InlineData("[[a]]\n[a]", 2, 1, "table [a] is defined twice")]
    [InlineData("[a]\n[[a]]", 2, 1, "table [a] is defined twice")]
    [InlineData("a = []\n[[a]]", 2, 1, "already set by a key")]
    [InlineData("a = [{}]\n[a.b]", 2, 2, "duplicate key `a`")]
    [InlineData("a = 1\n[a.b]", 2, 2, "duplicate key `a`")]
    [InlineData("a = 1\na.b = 2", 2, 1, "duplicate key `a`")]
    [InlineData("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", 4, 1, "duplicate key `a.b.c`")]
    [InlineData("[a.b]\nz = 9\n[a]\nb.t = 1", 4, 1, "duplicate key `a.b`")]
    // Tomlyn accepts this one; the adapter keeps TOML's rule that dotted keys only extend tables they made.
    [InlineData("[a.b.c]\n[a]\nb.d = 1", 3, 1, "cannot add to table `b` with a dotted key: it was created implicitly by the [header] at line 1")]
    public void Redefinitions_are_refused_at_the_second_definition(string toml, int line, int column, string reason)
    {
        var error = Invalid(toml);
        Assert.Equal(new TomlPosition(line, column), error.Position);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void A_header_may_add_sub_tables_under_a_dotted_key_table()
    {
        var root = Valid("[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n");
        var apple = (TomlTable)((TomlTable)root["fruit"])["apple"];
        Assert.Equal(["color", "texture"], apple.Keys);
    }

    [Fact]
    public void An_implicit_table_may_be_defined_once_later()
    {
        var root = Valid("[a.b.c]\nx = 1\n[a]\ny = 2\n");
        Assert.Equal(["b", "y"], ((TomlTable)root["a"]).Keys);
        Assert.Contains("defined twice", Invalid("[a.b.c]\n[a]\n[a]").Reason);
    }

    [Fact]
    public void Headers_under_an_array_of_tables_extend_its_latest_element()
    {
        var root = Valid("[[p]]\nn = 1\n[[p]]\nn = 2\n[p.sub]\nx = 1\n");
        var p = (TomlArray)root["p"];
        Assert.Equal(2, p.Count);
        Assert.False(((TomlTable)p[0]).ContainsKey("sub"));
        Assert.True(((TomlTable)p[1]).ContainsKey("sub"));
    }

    [Fact]
    public void Dotted_keys_extend_tables_they_created_in_the_same_section()
    {
        var root = Valid("ready.log = \"up\"\nready.timeout = \"5s\"\n");
        Assert.Equal(["log", "timeout"], ((TomlTable)root["ready"]).Keys);
    }

    [Fact]
    public void Arrays_may_mix_types()
    {
        var array = (TomlArray)Valid("a = [1, \"two\", 3.0, [4], {five = 5}, 1979-05-27]")["a"];
        Assert.Equal(["integer", "string", "float", "array", "table", "date-local"], array.Select(n => n.TypeName));
    }
}
