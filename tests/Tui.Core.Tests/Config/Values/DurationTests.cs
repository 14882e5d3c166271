using Tui.Core.Config.Values;

namespace Tui.Core.Tests.Config.Values;

public class DurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("5s", 5_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0s", 0)]
    [InlineData("0.25ms", 0.25)]
    public void Valid_durations_parse_to_their_length(string text, double milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("", "a duration cannot be empty; write \"500ms\", \"5s\", \"2m\", \"1h\" or \"1m30s\"")]
    [InlineData("5", "\"5\" has no unit; write \"5s\" or \"5ms\"")]
    [InlineData("1m30", "\"1m30\" has no unit; write \"1m30s\" or \"1m30ms\"")]
    [InlineData("5sec", "unknown duration unit \"sec\" in \"5sec\" (use ms, s, m or h)")]
    [InlineData("5d", "unknown duration unit \"d\" in \"5d\" (use ms, s, m or h)")]
    [InlineData("-5s", "a duration cannot be negative")]
    [InlineData("s", "\"s\" is not a duration; write \"500ms\", \"5s\", \"2m\", \"1h\" or \"1m30s\"")]
    [InlineData("5 s", "\"5 s\" is not a duration; write \"500ms\", \"5s\", \"2m\", \"1h\" or \"1m30s\"")]
    [InlineData("1.2.3s", "\"1.2.3\" is not a number")]
    [InlineData("9000h", "\"9000h\" is too long (at most 8760h)")]
    [InlineData("99999999999999999999999999h", "\"99999999999999999999999999h\" is too long (at most 8760h)")]
    public void Invalid_durations_say_what_is_wrong(string text, string expected)
    {
        Assert.False(Duration.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_723_004, "1h2m3s4ms")]
    [InlineData(1.5, "1.5ms")]
    public void Format_writes_the_canonical_form(double milliseconds, string expected) =>
        Assert.Equal(expected, Duration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("1m30s")]
    [InlineData("2h0m1s")]
    [InlineData("750ms")]
    [InlineData("0.5ms")]
    public void Format_then_parse_gives_the_same_duration(string text)
    {
        Assert.True(Duration.TryParse(text, out var value, out _));
        Assert.True(Duration.TryParse(Duration.Format(value), out var again, out _));
        Assert.Equal(value, again);
    }
}
