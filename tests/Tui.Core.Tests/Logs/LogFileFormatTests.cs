using System.Text;
using Tui.Core.Logs;

namespace Tui.Core.Tests.Logs;

public class LogFileFormatTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 2, 14, 2, 10, 120, TimeSpan.FromHours(2));

    private static string Format(LogLine line)
    {
        var buffer = new byte[LogFileFormat.MaxBytes(line)];
        return Encoding.UTF8.GetString(buffer, 0, LogFileFormat.Format(line, buffer));
    }

    [Fact]
    public void Line_is_utc_timestamp_stream_tag_and_text_with_a_newline()
    {
        Assert.Equal("2025-01-02T12:02:10.120Z out GET /health 200\n",
            Format(new LogLine(1, "api", At, LogStream.Stdout, "GET /health 200")));
        Assert.Equal("2025-01-02T12:02:10.120Z err boom\n", Format(new LogLine(2, "api", At, LogStream.Stderr, "boom")));
        Assert.Equal("2025-01-02T12:02:10.120Z sys started pid 12\n",
            Format(new LogLine(3, "api", At, LogStream.System, "started pid 12")));
    }

    [Fact]
    public void Partial_line_has_a_plus_after_its_tag()
    {
        Assert.Equal("2025-01-02T12:02:10.120Z out+ Password: \n",
            Format(new LogLine(1, "api", At, LogStream.Stdout, "Password: ", Partial: true)));
    }

    [Fact]
    public void Formatted_line_parses_back_to_the_same_fields()
    {
        var line = new LogLine(1, "api", At, LogStream.Stderr, "ünïcode \u001b[31mred\u001b[0m  spaced ", Partial: true);
        var text = Format(line);

        Assert.True(LogFileFormat.TryParse(text[..^1], out var at, out var stream, out var partial, out var parsed));
        Assert.Equal(At, at);
        Assert.Equal(LogStream.Stderr, stream);
        Assert.True(partial);
        Assert.Equal(line.Text, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("2025-01-02T12:02:10.120Z xyz text")]
    [InlineData("2025-13-02T12:02:10.120Z out text")]
    public void Text_in_another_format_does_not_parse(string text)
    {
        Assert.False(LogFileFormat.TryParse(text, out _, out _, out _, out _));
    }
}
