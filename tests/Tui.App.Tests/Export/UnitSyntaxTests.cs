using Tui.App.Export.Systemd;

namespace Tui.App.Tests.Export;

/// <summary>The quoting rules of systemd.syntax(7) as UnitSyntax applies them (systemd's own reading is checked in ServiceMappingTests).</summary>
public sealed class UnitSyntaxTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "\"both ' and \\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("$HOME/%n", "$$HOME/%%n")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("bell\a", "\"bell\\x07\"")]
    [InlineData(";", "\";\"")]
    [InlineData("", "\"\"")]
    public void Exec_words_are_quoted_only_when_they_need_it(string word, string written) =>
        Assert.Equal(written, UnitSyntax.ExecWord(word));

    [Fact]
    public void The_program_keeps_its_dollar_since_systemd_does_not_substitute_in_it() =>
        Assert.Equal("\"/opt/my $app/run\" $$1", UnitSyntax.ExecLine(["/opt/my $app/run", "$1"]));

    [Theory]
    [InlineData("PORT", "8080", "PORT=8080")]
    [InlineData("GREETING", "hello world", "\"GREETING=hello world\"")]
    [InlineData("RATE", "50%", "RATE=50%%")]
    [InlineData("PRICE", "$5", "PRICE=$5")]
    public void Environment_assignments_escape_specifiers_but_not_dollars(string name, string value, string written) =>
        Assert.Equal(written, UnitSyntax.EnvironmentAssignment(name, value));

    [Fact]
    public void A_comment_stays_on_one_line() =>
        Assert.Equal("output /a\\nb/", UnitLine.Comment("output /a\nb/").Text);
}
