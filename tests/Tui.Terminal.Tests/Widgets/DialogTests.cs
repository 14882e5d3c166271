using Tui.Terminal.Drawing;
using Tui.Terminal.Widgets;

namespace Tui.Terminal.Tests.Widgets;

public class DialogTests
{
    [Fact]
    public void Dialog_is_centred_blanks_what_is_beneath_and_shows_the_selected_button()
    {
        var buffer = Screens.Filled(26, 7);
        new Dialog(" Quit? ", [new Line("Stop all processes?")]) { Buttons = ["Yes", "No"], SelectedButton = 1 }.Render(buffer.Area, buffer);
        Assert.Equal(
        [
            "xxxxxxxxxxxxxxxxxxxxxxxxxx",
            "x┌─────── Quit? ───────┐xx",
            "x│ Stop all processes? │xx",
            "x│                     │xx",
            "x│   [ Yes ]  [ No ]   │xx",
            "x└─────────────────────┘xx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxx",
        ], buffer.ToLines());
        Assert.True(buffer[14, 4].Modifiers.HasFlag(Modifiers.Reverse));
        Assert.False(buffer[6, 4].Modifiers.HasFlag(Modifiers.Reverse));
    }
}
