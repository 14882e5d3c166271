using Tui.Terminal.Drawing;

namespace Tui.Terminal.Tests.Drawing;

public class LayoutTests
{
    [Fact]
    public void Fixed_slots_are_served_first_and_fill_slots_share_the_rest()
    {
        var areas = Layout.Vertical(new Rect(0, 0, 80, 40), Constraint.Length(1), Constraint.Fill(), Constraint.Length(1));
        Assert.Equal([new Rect(0, 0, 80, 1), new Rect(0, 1, 80, 38), new Rect(0, 39, 80, 1)], areas);
    }

    [Fact]
    public void Weights_and_percentages_divide_an_axis_without_exceeding_it()
    {
        int[] sizes = Layout.Solve(101, [Constraint.Percentage(50), Constraint.Fill(1), Constraint.Fill(2)]);
        Assert.Equal([50, 17, 34], sizes);
        Assert.Equal([3, 0], Layout.Solve(3, [Constraint.Length(5), Constraint.Min(2)]));
    }

    [Fact]
    public void Splits_and_inner_never_produce_negative_sizes()
    {
        var area = new Rect(2, 3, 10, 4);
        Assert.Equal((new Rect(2, 3, 10, 1), new Rect(2, 4, 10, 3)), area.SplitTop(1));
        Assert.Equal((new Rect(2, 3, 10, 0), new Rect(2, 3, 10, 4)), area.SplitBottom(9));
        Assert.Equal((new Rect(2, 3, 7, 4), new Rect(9, 3, 3, 4)), area.SplitRight(3));
        Assert.Equal(new Rect(3, 4, 8, 2), area.Inner(1));
        Assert.True(area.Inner(3).IsEmpty);
        Assert.Equal(new Rect(4, 4, 6, 2), area.Centered(6, 2));
    }
}
