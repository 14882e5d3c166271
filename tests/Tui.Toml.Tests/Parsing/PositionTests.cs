namespace Tui.Toml.Tests.Parsing;

/// <summary>Every key and value keeps the line and column it was written at.</summary>
public sealed class PositionTests
{
    private static TomlTable Parse(string toml) => TomlParser.Parse(toml, "test.toml").Root;

    [Fact]
    public void Keys_and_values_of_a_process_table_keep_their_positions()
    {
        var root = Parse("""
            # processes
            [processes.web]
            command = "npm start"
              ports = [80, 443]
            env = { A = "1", B = "2" }
            """);
        var processes = (TomlTable)root["processes"];
        var web = (TomlTable)processes["web"];

        Assert.Equal(new TomlPosition(2, 2), root.KeyPosition("processes"));
        Assert.Equal(new TomlPosition(2, 12), processes.KeyPosition("web"));
        Assert.Equal(new TomlPosition(2, 1), web.Position);
        Assert.Equal(new TomlPosition(3, 1), web.KeyPosition("command"));
        Assert.Equal(new TomlPosition(3, 11), web["command"].Position);
        Assert.Equal(new TomlPosition(4, 3), web.KeyPosition("ports"));
        Assert.Equal(new TomlPosition(4, 11), web["ports"].Position);
        Assert.Equal(new TomlPosition(4, 16), ((TomlArray)web["ports"])[1].Position);
        var env = (TomlTable)web["env"];
        Assert.Equal(new TomlPosition(5, 7), env.Position);
        Assert.Equal(new TomlPosition(5, 18), env.KeyPosition("B"));
        Assert.Equal(new TomlPosition(5, 22), env["B"].Position);
    }

    [Fact]
    public void Dotted_keys_give_each_table_the_position_of_its_own_segment()
    {
        var root = Parse("x = 1\nready . log = \"up\"\n");
        var ready = (TomlTable)root["ready"];
        Assert.Equal(new TomlPosition(1, 1), root.Position);
        Assert.Equal(new TomlPosition(2, 1), root.KeyPosition("ready"));
        Assert.Equal(new TomlPosition(2, 1), ready.Position);
        Assert.Equal(new TomlPosition(2, 9), ready.KeyPosition("log"));
        Assert.Equal(new TomlPosition(2, 15), ready["log"].Position);
        Assert.Equal(TomlTableOrigin.DottedKey, ready.Origin);
    }

    [Fact]
    public void An_implicit_table_takes_the_position_of_the_header_that_defines_it_later()
    {
        var root = Parse("[a.b]\nx = 1\n\n[a]\ny = 2\n");
        var a = (TomlTable)root["a"];
        Assert.Equal(TomlTableOrigin.Header, a.Origin);
        Assert.Equal(new TomlPosition(4, 1), a.Position);
        Assert.Equal(new TomlPosition(4, 2), root.KeyPosition("a"));
    }

    [Fact]
    public void Each_array_of_tables_element_has_the_position_of_its_header()
    {
        var root = Parse("[[hooks]]\nrun = \"a\"\n[[hooks]]\nrun = \"b\"\n");
        var hooks = (TomlArray)root["hooks"];
        Assert.True(hooks.IsArrayOfTables);
        Assert.Equal(new TomlPosition(1, 1), hooks.Position);
        Assert.Equal(new TomlPosition(1, 1), hooks[0].Position);
        Assert.Equal(new TomlPosition(3, 1), hooks[1].Position);
        Assert.Equal(new TomlPosition(4, 7), ((TomlTable)hooks[1])["run"].Position);
    }

    [Fact]
    public void Lines_after_multi_line_strings_arrays_and_crlf_are_counted()
    {
        var root = Parse("a = \"\"\"\none\r\ntwo\"\"\"\r\nb = [\n  1,\n  # note\n]\nc = '''x\ny'''\nd = 4\n");
        Assert.Equal(new TomlPosition(4, 1), root.KeyPosition("b"));
        Assert.Equal(new TomlPosition(8, 1), root.KeyPosition("c"));
        Assert.Equal(new TomlPosition(10, 5), root["d"].Position);
    }

    [Fact]
    public void Columns_count_characters_so_tabs_and_non_ascii_are_one_column_each()
    {
        var root = TomlParser.Parse("\t\"ключ😀\" = \"é\"\nnext = 1\n"u8);
        Assert.Equal(new TomlPosition(1, 2), root.Root.KeyPosition("ключ😀"));
        Assert.Equal(new TomlPosition(1, 12), root.Root["ключ😀"].Position);
    }

    [Fact]
    public void Keys_keep_the_order_they_were_written_in()
    {
        var keys = string.Join(",", Enumerable.Range(0, 20).Select(i => $"k{(i * 7) % 20}"));
        var root = Parse(string.Join("\n", keys.Split(',').Select(k => $"{k} = 1")));
        Assert.Equal(keys, string.Join(",", root.Keys));
        Assert.Equal(keys, string.Join(",", root.Select(pair => pair.Key)));
        Assert.Equal(20, root.Count);
    }

    [Fact]
    public void An_empty_document_is_an_empty_root_at_line_one()
    {
        var document = TomlParser.Parse("", "empty.toml");
        Assert.Empty(document.Root);
        Assert.Equal(new TomlPosition(1, 1), document.Root.Position);
        Assert.Equal("empty.toml", document.SourceName);
    }

    [Fact]
    public void A_large_table_finds_every_key_and_reports_missing_ones()
    {
        var root = Parse(string.Join("\n", Enumerable.Range(0, 5000).Select(i => $"key{i} = {i}")));
        for (var i = 0; i < 5000; i += 7)
            Assert.Equal(i, ((TomlInteger)root[$"key{i}"]).Value);
        Assert.False(root.ContainsKey("key5000"));
        Assert.Throws<KeyNotFoundException>(() => root["missing"]);
        Assert.Equal(new TomlPosition(4000, 1), root.KeyPosition("key3999"));
    }
}
