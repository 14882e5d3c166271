using System.Text;
using Tui.Core.Protocol;

namespace Tui.Core.Tests.Protocol;

/// <summary>Lines out of a byte stream, bounded: split across reads, \r\n, blank lines, and oversized lines skipped.</summary>
public sealed class BoundedLineReaderTests
{
    private readonly List<string> _lines = [];
    private int _oversized;

    private bool Feed(BoundedLineReader reader, string text) =>
        reader.Feed(Encoding.UTF8.GetBytes(text), line => { _lines.Add(Encoding.UTF8.GetString(line.Span)); return true; }, () => _oversized++);

    [Fact]
    public void Lines_split_across_reads_are_joined()
    {
        var reader = new BoundedLineReader(16);
        Feed(reader, "abc");
        Feed(reader, "def\r\ngh");
        Feed(reader, "\n\n\nlast");
        Assert.Equal(["abcdef", "gh"], _lines);
    }

    [Fact]
    public void A_line_longer_than_the_bound_is_skipped_up_to_its_newline_and_counted_once()
    {
        var reader = new BoundedLineReader(8);
        Feed(reader, "ok\n0123456");
        Feed(reader, "789abcdef");
        Feed(reader, "ghijk\nafter\n");
        Assert.Equal(["ok", "after"], _lines);
        Assert.Equal(1, _oversized);
    }

    [Fact]
    public void A_line_of_exactly_the_bound_is_kept()
    {
        var reader = new BoundedLineReader(8);
        Feed(reader, "12345678\n");
        Assert.Equal(["12345678"], _lines);
        Assert.Equal(0, _oversized);
    }

    [Fact]
    public void The_callback_can_stop_the_reading()
    {
        var reader = new BoundedLineReader(8);
        var seen = new List<string>();
        var kept = reader.Feed("a\nb\nc\n"u8.ToArray(), line => { seen.Add(Encoding.UTF8.GetString(line.Span)); return seen.Count < 2; }, () => { });
        Assert.False(kept);
        Assert.Equal(["a", "b"], seen);
    }
}
