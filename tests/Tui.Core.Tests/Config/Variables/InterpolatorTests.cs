using Tui.Core.Config.Variables;

namespace Tui.Core.Tests.Config.Variables;

public class InterpolatorTests
{
    private static readonly Dictionary<string, string> Vars = new()
    {
        ["HOME"] = "/home/ada",
        ["PORT"] = "8080",
        ["EMPTY"] = "",
        ["FALLBACK"] = "fb",
    };

    private static string? Lookup(string name) => Vars.TryGetValue(name, out var v) ? v : null;

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("${HOME}/bin", "/home/ada/bin")]
    [InlineData("${MISSING}", "")]
    [InlineData("${PORT:-9000}", "8080")]
    [InlineData("${MISSING:-9000}", "9000")]
    [InlineData("${EMPTY:-9000}", "9000")]
    [InlineData("${MISSING:-}", "")]
    [InlineData("${MISSING:-${FALLBACK}}", "fb")]
    [InlineData("${MISSING:-${ALSO_MISSING:-deep}}", "deep")]
    [InlineData("${MISSING:-a}b}", "ab}")]
    [InlineData("cost $$5", "cost $5")]
    [InlineData("$$HOME", "$HOME")]
    [InlineData("${MISSING:-$$}", "$")]
    [InlineData("$5 and a$", "$5 and a$")]
    [InlineData("$", "$")]
    [InlineData("${HOME}${PORT}", "/home/ada8080")]
    public void Expands_the_braced_forms(string text, string expected)
    {
        Assert.True(Interpolator.TryExpand(text, Lookup, out var result, out var error), error);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("$HOME/bin", "write ${HOME} to use the variable HOME, or $$HOME for a literal \"$HOME\"")]
    [InlineData("${HOME", "unclosed \"${HOME\"; add \"}\"")]
    [InlineData("${", "unclosed \"${\"")]
    [InlineData("${1X}", "\"${\" must be followed by a variable name (letters, digits, _; not starting with a digit)")]
    [InlineData("${}", "\"${\" must be followed by a variable name (letters, digits, _; not starting with a digit)")]
    [InlineData("${HOME-x}", "unexpected \"-\" after \"${HOME\"; the forms are ${HOME} and ${HOME:-default}")]
    [InlineData("${HOME:-x", "unclosed \"${HOME:-\"; add \"}\"")]
    [InlineData("${A:-$B}", "write ${B} to use the variable B, or $$B for a literal \"$B\"")]
    public void Malformed_references_are_errors(string text, string expected)
    {
        Assert.False(Interpolator.TryExpand(text, Lookup, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_default_is_only_expanded_when_it_is_used()
    {
        // The default holds a bare $HOME (an error when expanded), but PORT is set, so the default is never read.
        Assert.True(Interpolator.TryExpand("${PORT:-$HOME}", Lookup, out var result, out _));
        Assert.Equal("8080", result);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var text = string.Concat(Enumerable.Repeat("${X:-", Interpolator.MaxNesting + 2)) + "v" + new string('}', Interpolator.MaxNesting + 2);
        Assert.False(Interpolator.TryExpand(text, Lookup, out _, out var error));
        Assert.Equal($"variables are nested more than {Interpolator.MaxNesting} deep", error);
    }
}
