using Tui.Core.Config.Loading;

namespace Tui.Core.Tests.Config.Loading;

public class SpellingTests
{
    [Theory]
    [InlineData("restart", "restart", 0)]
    [InlineData("restrat", "restart", 1)]
    [InlineData("restar", "restart", 1)]
    [InlineData("rrestart", "restart", 1)]
    [InlineData("depend_on", "depends_on", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "cwd", 3)]
    public void Distance_counts_edits_with_swaps_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, Spelling.Distance(a, b));

    [Theory]
    [InlineData("restrat", "restart")]
    [InlineData("Restart", "restart")]
    [InlineData("comand", "command")]
    [InlineData("dependson", "depends_on")]
    [InlineData("stop_singal", "stop_signal")]
    public void Closest_finds_the_intended_key(string typo, string expected) =>
        Assert.Equal(expected, Spelling.Closest(typo, ["command", "restart", "depends_on", "stop_signal", "stop_timeout"]));

    [Fact]
    public void Closest_suggests_nothing_for_an_unrelated_word() =>
        Assert.Null(Spelling.Closest("readiness", ["command", "restart", "depends_on"]));
}
