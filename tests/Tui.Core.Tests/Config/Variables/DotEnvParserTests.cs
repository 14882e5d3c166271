using Tui.Core.Config.Variables;
using Tui.Toml;

namespace Tui.Core.Tests.Config.Variables;

public class DotEnvParserTests
{
    private static DotEnvFile Parse(string text) => DotEnvParser.Parse(text, "app.env");

    private static Dictionary<string, string> Values(DotEnvFile file)
    {
        Assert.Empty(file.Errors);
        return file.Entries.ToDictionary(e => e.Key, e => e.Value);
    }

    [Fact]
    public void Reads_plain_export_and_quoted_lines_and_skips_comments_and_blanks()
    {
        var file = Parse("""
            # a comment
            PLAIN=value

            export EXPORTED=yes
              SPACED = around equals   
            DOUBLE="line\nnext \"quoted\" \$dollar"
            TRAILING=value # a comment
            HASH=a#b
            EMPTY=
            """);
        var values = Values(file);
        Assert.Equal("value", values["PLAIN"]);
        Assert.Equal("yes", values["EXPORTED"]);
        Assert.Equal("around equals", values["SPACED"]);
        Assert.Equal("value", values["TRAILING"]);
        Assert.Equal("a#b", values["HASH"]);
        Assert.Equal("", values["EMPTY"]);
        Assert.Equal("line\nnext \"quoted\" $$dollar", values["DOUBLE"]);
        Assert.Equal(DotEnvQuoting.Double, file.Entries.Single(e => e.Key == "DOUBLE").Quoting);
    }

    [Fact]
    public void Single_quoted_values_are_literal()
    {
        var file = Parse("A='${HOME} \\n'");
        var entry = Assert.Single(file.Entries);
        Assert.Equal("${HOME} \\n", entry.Value);
        Assert.Equal(DotEnvQuoting.Single, entry.Quoting);
    }

    [Fact]
    public void Quoted_values_may_span_lines_and_positions_follow()
    {
        var file = Parse("KEY=\"first\nsecond\"\nNEXT=1\r\nLAST='a\r\nb'");
        var values = Values(file);
        Assert.Equal("first\nsecond", values["KEY"]);
        Assert.Equal("1", values["NEXT"]);
        Assert.Equal("a\nb", values["LAST"]);
        Assert.Equal(new TomlPosition(3, 1), file.Entries[1].KeyPosition);
        Assert.Equal(new TomlPosition(3, 6), file.Entries[1].ValuePosition);
    }

    [Fact]
    public void Windows_line_endings_are_not_part_of_values() =>
        Assert.Equal("v", Values(Parse("A=v\r\nB=w\r\n"))["A"]);

    [Theory]
    [InlineData("JUSTAWORD", 1, 10, "expected \"=\" after JUSTAWORD")]
    [InlineData("1BAD=x", 1, 1, "\"1BAD\" is not a variable name (letters, digits and _, not starting with a digit)")]
    [InlineData("BAD-NAME=x", 1, 1, "\"BAD-NAME\" is not a variable name (letters, digits and _, not starting with a digit)")]
    [InlineData("=x", 1, 1, "expected KEY=value")]
    [InlineData("A=\"open", 1, 3, "unclosed \" in the value of A")]
    [InlineData("A='open", 1, 3, "unclosed ' in the value of A")]
    [InlineData("A=\"done\" extra", 1, 10, "unexpected text after the quoted value of A")]
    [InlineData("OK=1\n  export  X Y=2", 2, 13, "expected \"=\" after X")]
    public void Malformed_lines_are_errors_at_their_place(string text, int line, int column, string reason)
    {
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal("app.env", error.SourceName);
        Assert.Equal(new TomlPosition(line, column), error.Position);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void A_bad_line_does_not_hide_the_good_ones_or_later_errors()
    {
        var file = Parse("A=1\nnonsense\nB=2\n9=3\nC=3");
        Assert.Equal(["A", "B", "C"], file.Entries.Select(e => e.Key));
        Assert.Equal([2, 4], file.Errors.Select(e => e.Line));
        Assert.Equal("nonsense", file.Errors[0].SourceLine);
    }
}
