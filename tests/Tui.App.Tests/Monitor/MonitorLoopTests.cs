using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Tests.Fakes;
using Tui.Core.Logs;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using static Tui.App.Tests.Fakes.TestProcesses;

namespace Tui.App.Tests.Monitor;

public class MonitorLoopTests
{
    private static FakeSupervisor Stack() => new("processes.toml",
        Snapshot("db", pid: 4100),
        Snapshot("api", "web", ProcessState.Ready, pid: 4121),
        Snapshot("front", "web", pid: 4130));

    [Fact]
    public void The_first_frame_is_drawn_at_start()
    {
        using var f = new LoopFixture(Stack());
        Assert.Equal(1, f.Loop.FramesDrawn);
        Assert.Contains("● ready", f.Screen);
        Assert.True(f.Terminal.Written.Length > 120 * 40 / 2, "a full first frame");
    }

    [Fact]
    public void A_key_becomes_a_command_to_the_engine()
    {
        using var f = new LoopFixture(Stack());
        f.Press("jjx"); // db, web, api
        Assert.Contains("Stop api", f.Engine.Commands);
    }

    [Fact]
    public void A_paste_into_the_open_palette_becomes_its_query_and_enter_runs_the_best_match()
    {
        using var f = new LoopFixture(Stack());
        f.Press(":");
        f.Loop.PostInput(new Tui.Terminal.Input.PasteEvent("fron"));
        f.Run();
        Assert.Contains("> fron", f.Screen);
        f.Press(KeyCode.Enter);
        f.Press("x");
        Assert.Contains("Stop front", f.Engine.Commands);
    }

    [Fact]
    public void Ctrl_r_reloads_through_the_engine_and_a_failure_is_shown()
    {
        using var f = new LoopFixture(Stack());
        f.Engine.ReloadResult = CommandResult.Fail("processes.toml:3:16: stop_timeout must be a duration string");
        f.Loop.Post(new Msg.Key(KeyChord.Of('r', KeyModifiers.Ctrl)));
        f.Run();
        Assert.Equal(["Reload"], f.Engine.Commands);
        Assert.Contains("processes.toml:3:16: stop_timeout must be a duration string", f.Screen);
    }

    [Fact]
    public void A_failed_command_comes_back_as_a_notification()
    {
        using var f = new LoopFixture(Stack());
        f.Engine.SetSnapshots(Snapshot("db", pid: 4100), Snapshot("ghost", pid: 1));
        f.Run();
        f.Engine.SetSnapshots(Snapshot("db", pid: 4100));
        f.Loop.Post(new Msg.Key(KeyChord.Of('x')));
        f.Run();
        f.Loop.Post(new Msg.CommandDone(CommandVerb.Stop, new ProcessTarget.One("ghost"), CommandResult.Fail("no such process: ghost")));
        f.Run();
        Assert.Contains("stop ghost: no such process: ghost", f.Screen);
    }

    [Fact]
    public void An_idle_monitor_draws_once_a_second_and_writes_only_what_the_clock_changes()
    {
        var processes = Enumerable.Range(1, 20).Select(i => Snapshot($"svc{i:00}", i <= 10 ? "a" : "b", pid: 5000 + i)).ToArray();
        using var f = new LoopFixture(new FakeSupervisor("processes.toml", processes));
        f.Terminal.ClearWritten();
        int frames = f.Loop.FramesDrawn;
        f.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(frames + 10, f.Loop.FramesDrawn);
        // The clock (8 cells) and twenty uptimes change every second; each change is a few bytes plus a cursor move.
        Assert.InRange(f.Terminal.Written.Length, 1, 10 * 600);
    }

    [Fact]
    public void Nothing_is_drawn_when_nothing_changed()
    {
        using var f = new LoopFixture(Stack());
        int frames = f.Loop.FramesDrawn;
        f.Press("k"); // already on the first row
        f.Loop.Post(new Msg.Resize(120, 40));
        f.Run();
        Assert.Equal(frames, f.Loop.FramesDrawn);
    }

    [Fact]
    public void A_burst_of_log_lines_is_coalesced_into_a_frame_or_two_and_the_newest_line_is_shown()
    {
        using var f = new LoopFixture(Stack());
        int frames = f.Loop.FramesDrawn;
        for (int i = 0; i < 5000; i++) f.Engine.AddLog("db", $"line {i}");
        f.Run();
        Assert.InRange(f.Loop.FramesDrawn - frames, 1, 2);
        Assert.Contains("line 4999", f.Screen);
        Assert.Equal(5000, f.Loop.State.LogCounts["db"]);
    }

    [Fact]
    public void Snapshots_arriving_in_a_burst_leave_the_latest()
    {
        using var f = new LoopFixture(Stack());
        f.Engine.SetSnapshots(Snapshot("db", state: ProcessState.Stopping));
        f.Engine.SetSnapshots(Snapshot("db", state: ProcessState.Stopped));
        f.Run();
        Assert.Equal(ProcessState.Stopped, Assert.Single(f.Loop.State.Processes).State);
        Assert.Contains("■ stopped", f.Screen);
    }

    [Fact]
    public void Stats_fill_the_cpu_and_memory_columns()
    {
        using var f = new LoopFixture(Stack());
        f.Engine.AddStats(new ProcessStats("db", Now, 42.5, 300L << 20, 3, 10, 1, TimeSpan.FromMinutes(1)));
        f.Run();
        Assert.Contains("42.5", f.Screen);
        Assert.Contains("300M", f.Screen);
    }

    [Fact]
    public async Task Quitting_with_nothing_running_ends_the_loop()
    {
        using var f = new LoopFixture(new FakeSupervisor("processes.toml", Snapshot("db", state: ProcessState.Stopped)));
        f.Press("q");
        Assert.True(f.Loop.Completion.IsCompletedSuccessfully);
        Assert.Equal(0, await f.Loop.Completion);
    }

    [Fact]
    public void Quitting_with_processes_running_waits_for_the_answer()
    {
        using var f = new LoopFixture(Stack());
        f.Press("q");
        Assert.False(f.Loop.Completion.IsCompleted);
        Assert.Contains("3 processes are running", f.Screen);
        f.Press("y");
        Assert.True(f.Loop.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public void t_switches_to_the_next_theme_live()
    {
        using var f = new LoopFixture(Stack());
        var before = f.Loop.State.Theme.Name;
        f.Press("t");
        Assert.NotEqual(before, f.Loop.State.Theme.Name);
        Assert.Equal(f.Loop.State.ThemeNames[1], f.Loop.State.Theme.Name);
    }

    [Fact]
    public void A_search_jumps_to_the_newest_match_and_n_to_older_ones()
    {
        using var f = new LoopFixture(Stack());
        for (int i = 0; i < 300; i++) f.Engine.AddLog("db", i % 50 == 7 ? $"ERROR number {i}" : $"fine {i}", i % 50 == 7 ? LogStream.Stderr : LogStream.Stdout);
        f.Run();
        f.Press("/error");
        f.Press(KeyCode.Enter);
        var first = f.Loop.State.Log.CurrentMatch;
        Assert.NotNull(first);
        Assert.Contains("ERROR number 257", f.Screen);
        f.Press("nn");
        Assert.Contains("ERROR number 157", f.Screen);
        Assert.False(f.Loop.State.Log.Follow);
    }

    [Fact]
    public void A_resize_redraws_at_the_new_size()
    {
        using var f = new LoopFixture(Stack());
        f.Terminal.Size = new Tui.Terminal.Backend.TerminalSize(80, 24);
        f.Loop.Post(new Msg.Resize(80, 24));
        f.Run();
        Assert.Equal((80, 24), (f.LastFrame!.Width, f.LastFrame.Height));
        Assert.Equal(Tui.App.Views.LayoutMode.Compact, Reducer.Geometry(f.Loop.State).Layout.Mode);
    }

    [Fact]
    public void Key_binding_problems_are_shown_at_start()
    {
        var options = Tui.App.Monitor.MonitorOptions.Default with
        {
            Keys = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("explode", "e"),
        };
        using var f = new LoopFixture(Stack(), options: options);
        Assert.Contains("unknown action 'explode'", f.Screen);
    }
}
