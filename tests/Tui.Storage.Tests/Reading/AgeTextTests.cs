using Tui.Storage.Reading;

namespace Tui.Storage.Tests.Reading;

public sealed class AgeTextTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("30m", 30 * 60)]
    [InlineData("1h", 3600)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("1w", 7 * 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData(" 2H ", 7200)]
    public void Durations_parse(string text, int seconds)
    {
        Assert.True(AgeText.TryParse(text, out var age));
        Assert.Equal(TimeSpan.FromSeconds(seconds), age);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("10")]
    [InlineData("1x")]
    [InlineData("-1h")]
    [InlineData("0m")]
    [InlineData("1.5h")]
    [InlineData("99999999999999999w")]
    public void Anything_else_is_refused(string text) => Assert.False(AgeText.TryParse(text, out _));
}
