namespace Tui.Toml.Tests.Parsing;

/// <summary>Typical mistakes give file:line:col, a reason a person understands, the line, and a caret under the spot.</summary>
public sealed class ErrorMessageTests
{
    private static TomlException Fail(string toml) =>
        Assert.Throws<TomlException>(() => TomlParser.Parse(toml, "processes.toml"));

    /// <summary>The three lines of the message: head, excerpt, caret; with the caret's column in the excerpt.</summary>
    private static (string Head, string Excerpt, int CaretColumn) Lines(TomlException error)
    {
        var lines = error.Message.Split('\n');
        Assert.Equal(3, lines.Length);
        var bar = lines[1].IndexOf(" | ", StringComparison.Ordinal) + 3;
        Assert.Equal(bar, lines[2].IndexOf(" | ", StringComparison.Ordinal) + 3);
        Assert.EndsWith("^", lines[2]);
        return (lines[0], lines[1][bar..], lines[2].Length - bar);
    }

    // The six typical mistakes: each names file:line:col, quotes the line and puts a caret under the spot.

    [Fact]
    public void Missing_equals_sign_points_at_what_follows_the_key()
    {
        var error = Fail("[processes.web]\nrestart \"always\"\n");
        Assert.Equal(new TomlPosition(2, 9), error.Position);
        Assert.Equal("expected `=` after a key, found \"always\"", error.Reason);
        var (head, excerpt, caret) = Lines(error);
        Assert.Equal("processes.toml:2:9: expected `=` after a key, found \"always\"", head);
        Assert.Equal("restart \"always\"", excerpt);
        Assert.Equal(9, caret);
        Assert.Equal(head, error.ShortMessage);
    }

    [Fact]
    public void Duplicate_key_points_at_the_second_definition_and_names_the_first()
    {
        var error = Fail("[web]\ncommand = \"a\"\n  command = \"b\"\n");
        Assert.Equal(new TomlPosition(3, 3), error.Position);
        Assert.Equal("duplicate key `web.command`: it was already defined at line 2, column 1", error.Reason);
        var (head, excerpt, caret) = Lines(error);
        Assert.StartsWith("processes.toml:3:3: duplicate key", head);
        Assert.Equal("  command = \"b\"", excerpt);
        Assert.Equal(3, caret);
    }

    [Fact]
    public void Duplicate_key_after_a_multi_line_value_shows_the_key_line()
    {
        var error = Fail("a = 1\na = [\n  1,\n  2,\n]\n");
        Assert.Equal(new TomlPosition(2, 1), error.Position);
        Assert.Equal("a = [", Lines(error).Excerpt);
    }

    [Fact]
    public void Unquoted_string_value_says_strings_must_be_quoted()
    {
        var error = Fail("[processes.web]\ncommand = npm run dev\n");
        Assert.Equal(new TomlPosition(2, 11), error.Position);
        Assert.Equal("expected a value, found `npm`; strings must be quoted: \"npm ...\"", error.Reason);
        var (head, excerpt, caret) = Lines(error);
        Assert.StartsWith("processes.toml:2:11: ", head);
        Assert.Equal("command = npm run dev", excerpt);
        Assert.Equal(11, caret);
    }

    [Fact]
    public void Unterminated_string_points_at_the_end_of_its_line()
    {
        var error = Fail("a = 1\nname = \"web\nb = 2\n");
        Assert.Equal(new TomlPosition(2, 12), error.Position);
        Assert.StartsWith("unterminated string", error.Reason);
        var (head, excerpt, caret) = Lines(error);
        Assert.StartsWith("processes.toml:2:12: unterminated string", head);
        Assert.Equal("name = \"web", excerpt);
        Assert.Equal(12, caret);
    }

    [Fact]
    public void Table_defined_twice_points_at_the_second_header_and_names_the_first()
    {
        var error = Fail("[processes.web]\na = 1\n\n[processes.web]\n");
        Assert.Equal(new TomlPosition(4, 1), error.Position);
        // Tomlyn's own message quotes the whole first table; ours names its place.
        Assert.Equal("table [processes.web] is defined twice (first at line 1, column 1)", error.Reason);
        var (head, excerpt, caret) = Lines(error);
        Assert.StartsWith("processes.toml:4:1: ", head);
        Assert.Equal("[processes.web]", excerpt);
        Assert.Equal(1, caret);
    }

    [Fact]
    public void Invalid_escape_points_at_the_backslash_and_quotes_the_sequence()
    {
        var error = Fail("path = \"C:\\temp\\q\"\n");
        Assert.Equal(new TomlPosition(1, 16), error.Position);
        Assert.StartsWith("invalid escape sequence `\\q`; write `\\\\` for a backslash", error.Reason);
        var (head, excerpt, caret) = Lines(error);
        Assert.StartsWith("processes.toml:1:16: ", head);
        Assert.Equal("path = \"C:\\temp\\q\"", excerpt);
        Assert.Equal(16, caret);

        // \U wants 8 hex digits; Tomlyn stops at the first letter that is not one, and the whole sequence is quoted.
        error = Fail("path = \"C:\\Users\\me\"\n");
        Assert.Equal(new TomlPosition(1, 11), error.Position);
        Assert.StartsWith("invalid escape sequence `\\Us`", error.Reason);
    }

    [Fact]
    public void Unterminated_array_points_at_its_opening_bracket()
    {
        // Tomlyn notices at the end of the file; the error moves to the bracket that was never closed.
        var error = Fail("a = 1\ndepends_on = [\"db\",\n  \"cache\"\n\n");
        Assert.Equal(new TomlPosition(2, 14), error.Position);
        Assert.Equal("unterminated array: the `]` that closes this `[` is missing", error.Reason);
        Assert.Equal("depends_on = [\"db\",", Lines(error).Excerpt);
    }

    [Fact]
    public void Integer_out_of_range_points_at_the_number()
    {
        var error = Fail("x = 9223372036854775808\n");
        Assert.Equal(new TomlPosition(1, 5), error.Position);
        Assert.Contains("out of range", error.Reason);
    }

    [Fact]
    public void Impossible_date_is_refused_at_the_value()
    {
        var error = Fail("d = 2023-02-29\n");
        Assert.Equal(new TomlPosition(1, 5), error.Position);
        Assert.StartsWith("invalid date or time `2023-02-29`", error.Reason);
    }

    [Fact]
    public void Columns_count_unicode_characters_not_utf16_units()
    {
        // '😀' is one character but two UTF-16 units; the column after it is 9, not 10.
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse("s = \"😀\" x\n"u8.ToArray()));
        Assert.Equal(new TomlPosition(1, 9), error.Position);
    }

    [Fact]
    public void Control_characters_in_the_excerpt_are_made_visible_and_tabs_keep_the_caret_aligned()
    {
        // Tomlyn reports a control character in a string at the string's start.
        var error = Fail("\tkey = \"a\u0001b\"\n");
        Assert.Equal(new TomlPosition(1, 8), error.Position);
        var (_, excerpt, caret) = Lines(error);
        Assert.Equal(" key = \"a\u2401b\"", excerpt);
        Assert.Equal(8, caret);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column()
    {
        byte[] bytes = [.. "a = 1\nname = \"caf"u8, 0xC3, 0x28, .. "\"\n"u8];
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(bytes, "bad.toml"));
        Assert.Equal(new TomlPosition(2, 12), error.Position);
        Assert.Contains("invalid UTF-8", error.Reason);
        Assert.StartsWith("bad.toml:2:12: ", error.Message);
        Assert.Equal(12, Lines(error).CaretColumn);
    }

    [Fact]
    public void A_long_line_is_cut_to_a_window_around_the_caret()
    {
        var toml = "a = \"" + new string('x', 10_000) + "\" oops\n";
        var error = Fail(toml);
        Assert.Equal(new TomlPosition(1, 10_008), error.Position);
        var (_, excerpt, caret) = Lines(error);
        Assert.True(excerpt.Length <= 122, $"excerpt has {excerpt.Length} characters");
        Assert.Equal('o', excerpt[caret - 1]);
    }

    [Fact]
    public void The_message_never_contains_a_stack_trace()
    {
        var error = Fail("a = [1,,2]\n");
        Assert.DoesNotContain(" at ", error.Message);
        Assert.Equal(3, error.Message.Split('\n').Length);
    }
}
