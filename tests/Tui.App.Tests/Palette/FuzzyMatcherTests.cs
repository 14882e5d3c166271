using Tui.App.Palette;

namespace Tui.App.Tests.Palette;

public class FuzzyMatcherTests
{
    private static int Score(string query, string text) => FuzzyMatcher.Match(query, text)?.Score ?? int.MinValue;

    [Theory]
    [InlineData("rst", "restart")]
    [InlineData("RST", "restart")]
    [InlineData("gr", "group restart")]
    [InlineData("", "anything")]
    public void The_query_letters_in_order_match(string query, string text)
    {
        Assert.NotNull(FuzzyMatcher.Match(query, text));
    }

    [Theory]
    [InlineData("tsr", "restart")]
    [InlineData("restarts", "restart")]
    [InlineData("x", "restart")]
    public void Letters_out_of_order_or_missing_do_not_match(string query, string text)
    {
        Assert.Null(FuzzyMatcher.Match(query, text));
    }

    [Fact]
    public void Consecutive_letters_beat_scattered_ones()
    {
        Assert.True(Score("api", "api-gateway") > Score("api", "a-pretty-idle"), "a run of letters");
        Assert.True(Score("sto", "stop") > Score("sto", "sort timestamps order"));
    }

    [Fact]
    public void A_word_start_beats_the_middle_of_a_word()
    {
        // "w" starts the word in "all web" but sits inside "throw".
        Assert.True(Score("w", "all web") > Score("w", "throw"));
        // camelCase humps count as word starts.
        Assert.True(Score("ws", "webServer") > Score("ws", "towns"));
    }

    [Fact]
    public void The_best_alignment_is_found_not_the_first_one()
    {
        // A greedy left-to-right match would take the 'r' of "group"; the best one is the "re" of "restart".
        var match = FuzzyMatcher.Match("rest", "group restart")!.Value;
        Assert.Equal([6, 7, 8, 9], match.Positions.ToArray());
    }

    [Fact]
    public void Positions_name_the_matched_characters_in_order()
    {
        var match = FuzzyMatcher.Match("fl", "follow the newest line")!.Value;
        Assert.Equal('f', "follow the newest line"[match.Positions[0]]);
        Assert.Equal('l', "follow the newest line"[match.Positions[1]]);
        Assert.Equal(0, match.Start);
        Assert.True(match.Positions[1] > match.Positions[0]);
    }

    [Fact]
    public void Very_long_texts_are_matched_on_their_start_only()
    {
        var text = new string('a', 300) + "z";
        Assert.Null(FuzzyMatcher.Match("z", text));
        Assert.NotNull(FuzzyMatcher.Match("aa", text));
    }
}
