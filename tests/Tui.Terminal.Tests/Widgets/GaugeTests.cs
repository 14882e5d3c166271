using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class GaugeTests
{
    [Fact]
    public void Gauge_fills_in_reverse_video_with_a_centred_percentage()
    {
        var buffer = Screens.Filled(10, 1);
        new Gauge(0.45).Render(buffer.Area, buffer);
        Assert.Equal(["   45%    "], buffer.ToLines());
        Assert.True(buffer[3, 0].Modifiers.HasFlag(Modifiers.Reverse));
        Assert.False(buffer[5, 0].Modifiers.HasFlag(Modifiers.Reverse));
    }

    [Fact]
    public void The_edge_of_the_fill_has_eighth_block_precision()
    {
        var buffer = Screens.Filled(10, 1);
        new Gauge(0.15) { Label = "" }.Render(buffer.Area, buffer);
        Assert.Equal([" ▌        "], buffer.ToLines());
        Assert.True(buffer[0, 0].Modifiers.HasFlag(Modifiers.Reverse));
    }

    [Fact]
    public void Gauge_ratio_is_clamped_and_a_label_replaces_the_percentage()
    {
        var buffer = Screens.Filled(6, 1);
        new Gauge(1.7) { Label = "done" }.Render(buffer.Area, buffer);
        Assert.Equal([" done "], buffer.ToLines());
        Assert.All(Enumerable.Range(0, 6), x => Assert.True(buffer[x, 0].Modifiers.HasFlag(Modifiers.Reverse)));
    }
}
