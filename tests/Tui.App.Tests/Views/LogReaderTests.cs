using Tui.App.Shell;
using Tui.App.Views;
using Tui.Core.Logs;
using static Tui.App.Tests.Fakes.TestProcesses;

namespace Tui.App.Tests.Views;

public class LogReaderTests
{
    [Fact]
    public void The_window_ends_offset_lines_above_the_newest()
    {
        using var scene = new Scene(120, 40);
        for (int i = 0; i < 100; i++) scene.Engine.AddLog("db", $"n{i}");
        var window = LogReader.Window(scene.Engine, scene.State, new LogSource.Process("db"), "", 10, 5);
        Assert.Equal(["n85", "n86", "n87", "n88", "n89"], window.Select(l => l.Text));
    }

    [Fact]
    public void A_filtered_window_counts_only_matching_lines()
    {
        using var scene = new Scene(120, 40);
        for (int i = 0; i < 100; i++) scene.Engine.AddLog("db", i % 10 == 0 ? $"tick {i}" : $"n{i}");
        var window = LogReader.Window(scene.Engine, scene.State, new LogSource.Process("db"), "TICK", 1, 3);
        Assert.Equal(["tick 60", "tick 70", "tick 80"], window.Select(l => l.Text));
    }

    [Fact]
    public void Merged_sources_interleave_by_time()
    {
        using var scene = new Scene(120, 40);
        var t = Now.AddHours(1);
        scene.Engine.AddLog("front", "f1", at: t.AddMilliseconds(1));
        scene.Engine.AddLog("api", "a1", at: t.AddMilliseconds(2));
        scene.Engine.AddLog("front", "f2", at: t.AddMilliseconds(3));
        scene.Engine.AddLog("api", "a2", LogStream.Stderr, t.AddMilliseconds(4));
        var window = LogReader.Window(scene.Engine, scene.State, new LogSource.Group("web"), "", 0, 4);
        Assert.Equal(["f1", "a1", "f2", "a2"], window.Select(l => l.Text));
    }
}
