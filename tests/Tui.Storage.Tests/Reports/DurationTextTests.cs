using Tui.Storage.Reports;

namespace Tui.Storage.Tests.Reports;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0.85, "850ms")]
    [InlineData(1.5, "1.5s")]
    [InlineData(9.99, "9.9s")]
    [InlineData(42, "42s")]
    [InlineData(192, "3m12s")]
    [InlineData(7500, "2h05m")]
    [InlineData(273600, "3d04h")]
    public void Durations_are_short(double seconds, string text) => Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}
