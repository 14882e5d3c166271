using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.App.Views;
using Tui.Terminal.Drawing;

namespace Tui.App.Tests.Views;

/// <summary>What the text snapshots cannot show: colours of states, stderr, search matches and the selection.</summary>
public class ShellViewStyleTests
{
    private static (int X, int Y) Find(CellBuffer buffer, string text, int occurrence = 0)
    {
        var lines = buffer.ToLines();
        for (int y = 0; y < lines.Length; y++)
        {
            int x = -1;
            while ((x = lines[y].IndexOf(text, x + 1, StringComparison.Ordinal)) >= 0)
            {
                if (occurrence-- == 0) return (TextWidth.Of(lines[y][..x]), y);
            }
        }
        throw new Xunit.Sdk.XunitException($"'{text}' is not on the screen:\n{buffer}");
    }

    [Fact]
    public void Each_state_is_drawn_in_its_theme_colour()
    {
        using var scene = new Scene(120, 40);
        var buffer = scene.Render();
        var theme = scene.State.Theme;
        Assert.Equal(theme[ThemeRole.Backoff], buffer[Find(buffer, "↻ backoff").X, Find(buffer, "↻ backoff").Y].Foreground);
        var failed = Find(buffer, "✗ failed");
        Assert.Equal(theme[ThemeRole.Failed], buffer[failed.X, failed.Y].Foreground);
        var ready = Find(buffer, "● ready");
        Assert.Equal(theme[ThemeRole.Ready], buffer[ready.X, ready.Y].Foreground);
    }

    [Fact]
    public void The_selected_row_has_the_selection_colours_while_the_list_is_focused()
    {
        using var scene = new Scene(120, 40).Select("front");
        var buffer = scene.Render();
        var (x, y) = Find(buffer, "front");
        Assert.Equal(scene.State.Theme[ThemeRole.SelectionBackground], buffer[x, y].Background);
        Assert.Equal("›", buffer[1, y].Symbol);
    }

    [Fact]
    public void The_palette_marks_the_matched_letters_and_draws_the_chosen_line_in_the_selection_colours()
    {
        using var scene = new Scene(120, 40).Keys(":rst");
        var buffer = scene.Render();
        var theme = scene.State.Theme;
        var (x, y) = Find(buffer, "› action");
        Assert.Equal(theme[ThemeRole.SelectionBackground], buffer[x, y].Background);
        // The first result is the restart action: r, s and t of "restart" are marked, e and a are not.
        var line = buffer.ToLines()[y];
        int rx = TextWidth.Of(line[..line.IndexOf("restart", StringComparison.Ordinal)]), ry = y;
        Assert.Equal(theme[ThemeRole.SearchMatch], buffer[rx, ry].Foreground);
        Assert.True(buffer[rx, ry].Modifiers.HasFlag(Modifiers.Underline));
        Assert.False(buffer[rx + 1, ry].Modifiers.HasFlag(Modifiers.Underline));
        Assert.True(buffer[rx + 2, ry].Modifiers.HasFlag(Modifiers.Underline));
    }

    [Fact]
    public void Stderr_lines_carry_a_marker_in_the_stderr_colour()
    {
        using var scene = new Scene(120, 40).Select("api");
        var buffer = scene.Render();
        var (x, y) = Find(buffer, "warning: slow query");
        Assert.Equal(LogLineFormatter.StderrMarker, buffer[x - 1, y].Symbol);
        Assert.Equal(scene.State.Theme[ThemeRole.Stderr], buffer[x - 1, y].Foreground);
        Assert.Equal(scene.State.Theme[ThemeRole.Stderr], buffer[x, y].Foreground);
    }

    [Fact]
    public void Search_matches_are_highlighted_and_the_current_one_differently()
    {
        using var scene = new Scene(200, 60).Select("api").Keys("/slow").Key(KeyCode.Enter); // every api line fits
        var lines = scene.Engine.RecentLogs("api", 1000);
        var current = lines.Last(l => l.Text.Contains("slow"));
        scene.Send(new Msg.MatchFound(new LineRef("api", current.Sequence), 0, "slow"));
        var buffer = scene.Render();
        var theme = scene.State.Theme;
        var older = Find(buffer, "slow query", 0);
        var newest = Find(buffer, "slow query took 403ms");
        Assert.Equal(theme[ThemeRole.SearchMatch], buffer[older.X, older.Y].Background);
        Assert.Equal(theme[ThemeRole.SearchCurrent], buffer[newest.X, newest.Y].Background);
        Assert.NotEqual(theme[ThemeRole.SearchMatch], buffer[older.X + 5, older.Y].Background); // " query" is not part of the match
    }

    [Fact]
    public void Child_escape_sequences_never_reach_the_screen()
    {
        using var scene = new Scene(120, 40).Select("front");
        scene.Engine.AddLog("front", "\u001b]0;owned\u0007title \u001b[2J\u001b[Hcleared \u001b[31mred\u001b[0m");
        var text = scene.Render().ToString();
        Assert.Contains("title cleared red", text);
        Assert.DoesNotContain("\u001b", text);
        Assert.DoesNotContain("owned", text);
    }

    [Fact]
    public void The_merged_log_gives_each_process_the_same_colour_every_time()
    {
        using var scene = new Scene(120, 40).Keys("a");
        var buffer = scene.Render();
        var first = Find(buffer, "api      127.0.0.1", 0);
        var second = Find(buffer, "api      127.0.0.1", 1);
        Assert.Equal(ProcessColors.For("api"), buffer[first.X, first.Y].Foreground);
        Assert.Equal(buffer[first.X, first.Y].Foreground, buffer[second.X, second.Y].Foreground);
        Assert.NotEqual(ProcessColors.For("api"), ProcessColors.For("db"));
    }

    [Fact]
    public void A_theme_changes_the_colours_of_the_same_screen()
    {
        using var scene = new Scene(120, 40);
        var light = BuiltInTheme.Default with { Name = "other", Colors = BuiltInTheme.Default.Colors.SetItem((int)ThemeRole.Background, Color.White) };
        var dark = scene.Render();
        scene.Do(s => s with { Theme = light });
        var lit = scene.Render();
        Assert.Equal(dark.ToString(), lit.ToString());
        Assert.Equal(Color.White, lit[60, 20].Background);
        Assert.NotEqual(Color.White, dark[60, 20].Background);
    }
}
