using Tui.App.Keys;

namespace Tui.App.Tests.Views;

public class TinyTerminalTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(30, 8)]
    [InlineData(79, 23)]
    [InlineData(100, 30)]
    [InlineData(159, 60)]
    [InlineData(160, 29)]
    public void Every_screen_and_overlay_draws_at_any_size_without_failing(int width, int height)
    {
        foreach (var keys in new[] { "", "?", "X", "Fr", "/x", "g", "aTw" })
        {
            using var scene = new Scene(width, height).Select("api").Keys(keys);
            var buffer = scene.Render();
            Assert.Equal((width, height), (buffer.Width, buffer.Height));
            if (width >= 80 && height >= 24 && keys == "") Assert.Contains("api", buffer.ToString());
        }
    }

    [Fact]
    public void The_selection_stays_visible_when_the_list_has_room_for_one_row()
    {
        using var scene = new Scene(80, 6).Select("migrate");
        var screen = scene.Render().ToString();
        Assert.Contains("›  migrate", screen);
        scene.Key(KeyCode.Up).Key(KeyCode.Up);
        Assert.Contains("›  train", scene.Render().ToString());
    }
}
