using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class InputHistoryTests
{
    private static InputHistory Of(params string[] entries) => entries.Aggregate(InputHistory.Empty, (h, e) => h.Add(e));

    [Fact]
    public void Up_recalls_entries_newest_first_and_stops_at_the_oldest()
    {
        var history = Of("error", "timeout", "GET /");
        var (h1, e1) = history.Older(new TextEdit("draft")).GetValueOrDefault();
        Assert.Equal("GET /", e1.Text);
        var (h2, e2) = h1.Older(e1).GetValueOrDefault();
        Assert.Equal("timeout", e2.Text);
        var (h3, e3) = h2.Older(e2).GetValueOrDefault();
        Assert.Equal("error", e3.Text);
        Assert.Equal(e3.Text.Length, e3.Cursor);
        Assert.Null(h3.Older(e3));
    }

    [Fact]
    public void Down_steps_forward_and_past_the_newest_gives_back_what_was_being_typed()
    {
        var history = Of("error", "timeout");
        var (h1, _) = history.Older(new TextEdit("half typ")).GetValueOrDefault();
        var (h2, e2) = h1.Older(new TextEdit("timeout")).GetValueOrDefault();
        Assert.Equal("error", e2.Text);
        var (h3, e3) = h2.Newer().GetValueOrDefault();
        Assert.Equal("timeout", e3.Text);
        var (h4, e4) = h3.Newer().GetValueOrDefault();
        Assert.Equal("half typ", e4.Text);
        Assert.Null(h4.Position);
        Assert.Null(h4.Newer());
    }

    [Fact]
    public void Up_skips_the_entry_already_shown()
    {
        var history = Of("error", "timeout");
        var (h1, e1) = history.Older(new TextEdit("timeout")).GetValueOrDefault();
        Assert.Equal("error", e1.Text);
        var (_, e2) = h1.Newer().GetValueOrDefault();
        Assert.Equal("timeout", e2.Text);
        Assert.Null(Of("only").Older(new TextEdit("only")));
    }

    [Fact]
    public void An_empty_history_recalls_nothing()
    {
        Assert.Null(InputHistory.Empty.Older(TextEdit.Empty));
        Assert.Null(InputHistory.Empty.Newer());
    }

    [Fact]
    public void Entering_a_text_again_moves_it_to_the_newest_place_and_blanks_are_not_kept()
    {
        var history = Of("a", "b", "a", " ", "");
        Assert.Equal(["b", "a"], history.Entries);
    }

    [Fact]
    public void Beyond_the_capacity_the_oldest_entries_go()
    {
        var history = new InputHistory { Capacity = 2 }.Add("1").Add("2").Add("3");
        Assert.Equal(["2", "3"], history.Entries);
    }
}
