using Tui.Toml.Parsing;

namespace Tui.Toml.Tests.Parsing;

/// <summary>The scanner's positions and error excerpts, including for places on earlier lines.</summary>
public sealed class ScannerTests
{
    private static Scanner At(string text, int lines)
    {
        var scanner = new Scanner(text.ToCharArray(), text.Length, "s.toml", 0);
        for (var k = 0; k < lines; k++)
        {
            scanner.Index = text.IndexOf('\n', scanner.Index);
            Assert.True(scanner.TryConsumeNewline());
        }
        return scanner;
    }

    [Fact]
    public void Positions_on_the_current_line_count_characters_from_its_start()
    {
        var scanner = At("ab\nc😀d = 1\n", lines: 1);
        Assert.Equal(new TomlPosition(2, 1), scanner.Position);
        Assert.Equal(new TomlPosition(2, 4), scanner.PositionAt(3 + 4));
        Assert.Equal(new TomlPosition(2, 2), scanner.PositionAt(3 + 1));
    }

    [Fact]
    public void An_error_at_an_index_on_an_earlier_line_shows_that_line()
    {
        var scanner = At("ab\ncd\nef\n", lines: 2);
        var error = scanner.ErrorAt(4, "here");
        Assert.Equal(new TomlPosition(2, 2), error.Position);
        Assert.Equal("s.toml:2:2: here\n 2 | cd\n   |  ^", error.Message);
    }

    [Fact]
    public void An_error_at_a_recorded_position_shows_its_line()
    {
        var scanner = At("first\nsecond\nthird\n", lines: 2);
        var error = scanner.ErrorAt(new TomlPosition(1, 3), "there");
        Assert.Equal("s.toml:1:3: there\n 1 | first\n   |   ^", error.Message);
    }

    [Fact]
    public void A_carriage_return_without_line_feed_is_an_error()
    {
        var scanner = At("a\rb", lines: 0);
        scanner.Index = 1;
        Assert.Equal(new TomlPosition(1, 2), Assert.Throws<TomlException>(() => scanner.TryConsumeNewline()).Position);
    }
}
