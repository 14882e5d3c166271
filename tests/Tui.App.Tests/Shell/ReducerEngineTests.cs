using System.Collections.Immutable;
using Tui.App.Shell;
using Tui.App.Themes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using static Tui.App.Tests.Fakes.TestProcesses;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Shell;

public class ReducerEngineTests
{
    [Fact]
    public void A_crash_shows_a_notification_without_taking_the_keyboard()
    {
        var s = Stack().Send(new Msg.Events([new StateChanged(Now, "api", ProcessState.Running, ProcessState.Backoff, "exit 3", null)]));
        var n = Assert.Single(s.Notifications);
        Assert.Equal((NotificationLevel.Error, "api crashed: exit 3"), (n.Level, n.Text));
        Assert.Null(s.Overlay);
        Assert.Equal(Pane.List, s.Focus);
    }

    [Fact]
    public void Failed_health_and_config_errors_are_notified()
    {
        var s = Stack().Send(new Msg.Events([
            new Notice(Now, "api", NoticeLevel.Warning, "health check failed: connection refused"),
            new ConfigError(Now, "processes.toml:3:11: expected a string"),
        ]));
        Assert.Equal(
            ["api: health check failed: connection refused", "processes.toml:3:11: expected a string"],
            s.Notifications.Select(n => n.Text));
    }

    [Fact]
    public void Notifications_expire_on_the_clock_errors_last_longer()
    {
        var s = Stack().Send(new Msg.Notify(NotificationLevel.Info, "hello")).Send(new Msg.Notify(NotificationLevel.Error, "bad"));
        s = s.Send(new Msg.Tick(Now + Reducer.InfoLifetime));
        Assert.Equal(["bad"], s.Notifications.Select(n => n.Text));
        s = s.Send(new Msg.Tick(Now + Reducer.ErrorLifetime));
        Assert.Empty(s.Notifications);
    }

    [Fact]
    public void Only_the_newest_notifications_are_kept()
    {
        var s = Stack();
        for (int i = 0; i < Reducer.MaxNotifications + 3; i++) s = s.Send(new Msg.Notify(NotificationLevel.Info, $"n{i}"));
        Assert.Equal(Reducer.MaxNotifications, s.Notifications.Count);
        Assert.Equal($"n{Reducer.MaxNotifications + 2}", s.Notifications[^1].Text);
    }

    [Fact]
    public void Restarts_are_kept_for_the_detail_pane_newest_last_and_bounded()
    {
        var s = Stack();
        for (int i = 1; i <= AppState.MaxRestartRecords + 2; i++)
            s = s.Send(new Msg.Events([new RestartScheduled(Now, "api", i, TimeSpan.FromSeconds(i), "crash: exit 3")]));
        var history = s.Restarts["api"];
        Assert.Equal(AppState.MaxRestartRecords, history.Count);
        Assert.Equal(AppState.MaxRestartRecords + 2, history[^1].Attempt);
    }

    [Fact]
    public void A_failed_command_is_reported()
    {
        var s = Stack().Send(new Msg.CommandDone(CommandVerb.Stop, new ProcessTarget.One("nope"), CommandResult.Fail("no such process: nope")));
        Assert.Contains(s.Notifications, n => n.Text == "stop nope: no such process: nope");
    }

    [Fact]
    public void A_successful_command_changes_nothing()
    {
        var s = Stack();
        Assert.Same(s, s.Send(new Msg.CommandDone(CommandVerb.Stop, new ProcessTarget.One("db"), new CommandResult(true, ["db"]))));
    }

    [Fact]
    public void New_snapshots_keep_the_selection_on_the_same_process()
    {
        var s = Stack().SelectProcess("front");
        s = s.Send(new Msg.Snapshots([Snapshot("front", "web"), Snapshot("db"), Snapshot("api", "web")]));
        Assert.Equal(RowKey.Process("front"), s.List.Selected);
    }

    [Fact]
    public void When_the_selected_process_disappears_the_first_row_is_selected()
    {
        var s = Stack().SelectProcess("db");
        s = s.Send(new Msg.Snapshots([Snapshot("api", "web")]));
        Assert.Equal(RowKey.Group("web"), s.List.Selected);
    }

    [Fact]
    public void Stats_update_the_latest_sample_and_a_cpu_sort_follows_them()
    {
        var s = Stack().Keys("oo"); // sort by cpu
        Assert.Equal(SortOrder.Cpu, s.List.Sort);
        s = s.Send(new Msg.Stats([
            new ProcessStats("front", Now, 50, 1 << 20, 1, 3, 1, TimeSpan.Zero),
            new ProcessStats("api", Now, 5, 1 << 20, 1, 3, 1, TimeSpan.Zero),
        ]));
        Assert.Equal(50, s.Stats["front"].CpuPercent);
        var web = ProcessRows.Build(s).OfType<ProcessRow.Item>().Where(r => r.Snapshot.Group == "web").Select(r => r.Snapshot.Name);
        Assert.Equal(["front", "api"], web);
    }

    [Fact]
    public void A_loaded_theme_replaces_the_current_one_and_a_bad_one_is_reported()
    {
        var light = BuiltInTheme.Default with { Name = "light" };
        var s = Stack().Send(new Msg.ThemeLoaded(new ThemeLoadResult(light, null), ["default", "light"]));
        Assert.Equal("light", s.Theme.Name);
        Assert.Equal(["default", "light"], s.ThemeNames.ToArray());

        var bad = Stack().Send(new Msg.ThemeLoaded(new ThemeLoadResult(BuiltInTheme.Default, "theme x.toml:2:1: bad"), ImmutableArray<string>.Empty));
        Assert.Contains(bad.Notifications, n => n.Level == NotificationLevel.Warning && n.Text.Contains("x.toml:2:1"));
    }

    [Fact]
    public void Cycling_themes_keeps_one_theme_notification()
    {
        var s = Stack();
        foreach (var name in new[] { "dracula", "light" })
            s = s.Send(new Msg.ThemeLoaded(new ThemeLoadResult(BuiltInTheme.Default with { Name = name }, null), ["default", "dracula", "light"]));
        Assert.Equal(["theme: light"], s.Notifications.Select(n => n.Text));
    }

    [Fact]
    public void A_resize_to_the_same_size_changes_nothing_and_a_new_size_recomputes_the_list_scroll()
    {
        var s = Stack();
        Assert.Same(s, s.Send(new Msg.Resize(120, 40)));
        var small = Stack().SelectProcess("train").Send(new Msg.Resize(80, 8));
        var layout = Reducer.Geometry(small).Layout;
        int index = Reducer.IndexOf(ProcessRows.Build(small), small.List.Selected);
        Assert.InRange(index - small.List.Offset, 0, layout.ListRows.Height - 1);
    }
    private static Tui.Core.Config.TuiConfig Config(string theme, params (string Action, string Key)[] keys) => new(
        "processes.toml",
        Tui.Core.Config.Settings.Default with { Theme = theme, LogRingLines = 500 },
        ImmutableDictionary<string, string>.Empty,
        [],
        keys.ToImmutableDictionary(k => k.Action, k => k.Key),
        []);

    [Fact]
    public void A_reloaded_config_rebinds_keys_and_reports_bad_ones()
    {
        var s = Stack().SelectProcess("api");
        var (next, effect) = Reducer.Update(s, new Msg.Config(Config("default", ("stop", "F9"), ("oops", "x"))));
        Assert.Null(effect);
        Assert.Equal(500, next.LogCapacity);
        Assert.Equal(Tui.App.Keys.ShellAction.Stop, next.Keys.Lookup(Tui.App.Keys.KeyChord.Of(Tui.App.Keys.KeyCode.F9)));
        Assert.Contains(next.Notifications, n => n.Text.Contains("unknown action 'oops'"));

        // The same table again (a replay) changes nothing and reports nothing twice.
        var again = Reducer.Update(next, new Msg.Config(Config("default", ("stop", "F9"), ("oops", "x")))).State;
        Assert.Same(next, again);
    }

    [Fact]
    public void A_reloaded_config_with_another_theme_loads_it()
    {
        var (next, effect) = Reducer.Update(Stack(), new Msg.Config(Config("nord")));
        Assert.Equal(new Effect.LoadTheme("nord"), effect);
        Assert.Equal("nord", next.ConfiguredTheme);
        Assert.Null(Reducer.Update(next, new Msg.Config(Config("nord"))).Effect);
    }
}
