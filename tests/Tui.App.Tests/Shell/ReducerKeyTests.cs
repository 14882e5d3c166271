using Tui.App.Keys;
using Tui.App.Shell;
using Tui.Core.Supervision;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Shell;

public class ReducerKeyTests
{
    [Fact]
    public void The_first_row_is_selected_at_start()
    {
        Assert.Equal(RowKey.Process("db"), Stack().List.Selected);
    }

    [Fact]
    public void When_every_process_is_in_a_group_the_first_process_not_its_header_is_selected()
    {
        var s = Of(120, 40, null, Fakes.TestProcesses.Snapshot("api", "web"), Fakes.TestProcesses.Snapshot("front", "web"));
        Assert.Equal(RowKey.Process("api"), s.List.Selected);
    }

    [Fact]
    public void Down_and_j_move_the_selection_to_the_next_row_and_Up_and_k_back()
    {
        var s = Stack();
        s = s.Press(KeyCode.Down).State;
        Assert.Equal(RowKey.Group("web"), s.List.Selected);
        s = s.Press('j').State;
        Assert.Equal(RowKey.Process("api"), s.List.Selected);
        s = s.Press('k').State;
        Assert.Equal(RowKey.Group("web"), s.List.Selected);
        s = s.Press(KeyCode.Up).State;
        Assert.Equal(RowKey.Process("db"), s.List.Selected);
    }

    [Fact]
    public void Up_on_the_first_row_changes_nothing()
    {
        var s = Stack();
        Assert.Same(s, s.Press(KeyCode.Up).State);
    }

    [Fact]
    public void An_unbound_key_changes_nothing()
    {
        var s = Stack();
        var (next, effect) = s.Press('z');
        Assert.Same(s, next);
        Assert.Null(effect);
    }

    [Fact]
    public void x_stops_the_selected_process()
    {
        var (_, effect) = Stack().SelectProcess("api").Press('x');
        Assert.Equal(Effect.Stop("api"), effect);
    }

    [Fact]
    public void s_starts_and_r_restarts_the_selected_process()
    {
        var s = Stack().SelectProcess("api");
        Assert.Equal(Effect.Start(new ProcessTarget.One("api")), s.Press('s').Effect);
        Assert.Equal(Effect.Restart(new ProcessTarget.One("api")), s.Press('r').Effect);
    }

    [Fact]
    public void p_pauses_a_running_process_and_resumes_a_paused_one()
    {
        var running = Stack().SelectProcess("db");
        Assert.Equal(new Effect.Command(CommandVerb.Pause, new ProcessTarget.One("db")), running.Press('p').Effect);

        var paused = Of(120, 40, null, Fakes.TestProcesses.Snapshot("db", state: ProcessState.Paused));
        Assert.Equal(new Effect.Command(CommandVerb.Resume, new ProcessTarget.One("db")), paused.Press('p').Effect);
    }

    [Fact]
    public void Stopping_a_group_of_two_asks_first_and_stops_the_group_on_y()
    {
        var s = Stack().Press(KeyCode.Down).State; // the web header
        var (asking, none) = s.Press('x');
        Assert.Null(none);
        var confirm = Assert.IsType<Overlay.Confirm>(asking.Overlay);
        Assert.Contains("2 processes", confirm.Question);

        var (done, effect) = asking.Press('y');
        Assert.Null(done.Overlay);
        Assert.Equal(Effect.Stop(new ProcessTarget.Group("web")), effect);
    }

    [Fact]
    public void A_confirmation_is_cancelled_by_n_or_Escape_and_ignores_other_keys()
    {
        var asking = Stack().Press(KeyCode.Down).State.Press('r').State;
        Assert.IsType<Overlay.Confirm>(asking.Overlay);
        Assert.Same(asking, asking.Press('j').State);
        Assert.Null(asking.Press('n').State.Overlay);
        Assert.Null(asking.Press(KeyCode.Escape).State.Overlay);
        Assert.Null(asking.Press('n').Effect);
    }

    [Fact]
    public void Starting_a_group_never_asks()
    {
        var (_, effect) = Stack().Press(KeyCode.Down).State.Press('s');
        Assert.Equal(Effect.Start(new ProcessTarget.Group("web")), effect);
    }

    [Fact]
    public void Stopping_a_group_of_one_needs_no_confirmation()
    {
        var (state, effect) = Stack().SelectProcess("train").Press('X');
        Assert.Null(state.Overlay);
        Assert.Equal(Effect.Stop(new ProcessTarget.Group("jobs")), effect);
    }

    [Fact]
    public void Capital_R_restarts_the_selected_rows_group_after_confirmation()
    {
        var asking = Stack().SelectProcess("front").Press('R').State;
        var (_, effect) = asking.Press(KeyCode.Enter);
        Assert.Equal(Effect.Restart(new ProcessTarget.Group("web")), effect);
    }

    [Fact]
    public void g_then_the_start_stop_restart_key_acts_on_the_group()
    {
        var s = Stack().SelectProcess("api").Press('g').State;
        Assert.IsType<Overlay.GroupPrefix>(s.Overlay);
        var (_, effect) = s.Press('s');
        Assert.Equal(Effect.Start(new ProcessTarget.Group("web")), effect);

        var asking = Stack().SelectProcess("api").Keys("gx");
        Assert.Equal(Effect.Stop(new ProcessTarget.Group("web")), asking.Press('y').Effect);
    }

    [Fact]
    public void g_then_capital_S_X_R_acts_on_all_processes_asking_for_the_destructive_ones()
    {
        var (_, start) = Stack().Press('g').State.Press('S');
        Assert.Equal(Effect.Start(new ProcessTarget.All()), start);

        var asking = Stack().Keys("gR");
        var confirm = Assert.IsType<Overlay.Confirm>(asking.Overlay);
        Assert.Contains("4 processes", confirm.Question);
        Assert.Equal(Effect.Restart(new ProcessTarget.All()), asking.Press('y').Effect);
    }

    [Fact]
    public void g_then_any_other_key_cancels()
    {
        var (s, effect) = Stack().Press('g').State.Press('j');
        Assert.Null(s.Overlay);
        Assert.Null(effect);
        Assert.Equal(RowKey.Process("db"), s.List.Selected);
    }

    [Fact]
    public void A_group_action_on_a_process_without_group_says_so()
    {
        var (s, effect) = Stack().Press('X');
        Assert.Null(effect);
        Assert.Contains(s.Notifications, n => n.Text == "db is in no group");
    }

    [Fact]
    public void Enter_focuses_the_log_pane_and_Tab_switches_back()
    {
        var s = Stack().Press(KeyCode.Enter).State;
        Assert.Equal(Pane.Logs, s.Focus);
        s = s.Press(KeyCode.Tab).State;
        Assert.Equal(Pane.List, s.Focus);
        s = s.Press(KeyCode.BackTab).State;
        Assert.Equal(Pane.Logs, s.Focus);
    }

    [Fact]
    public void Escape_in_the_log_pane_goes_back_to_the_list()
    {
        var s = Stack().Press(KeyCode.Enter).State.Press(KeyCode.Escape).State;
        Assert.Equal(Pane.List, s.Focus);
    }

    [Fact]
    public void Enter_on_a_group_header_folds_the_group_and_hides_its_members()
    {
        var s = Stack().Press(KeyCode.Down).State.Press(KeyCode.Enter).State;
        Assert.Contains("web", s.List.Collapsed);
        Assert.DoesNotContain(ProcessRows.Build(s), r => r.Key == RowKey.Process("api"));
        s = s.Press(KeyCode.Enter).State;
        Assert.Contains(ProcessRows.Build(s), r => r.Key == RowKey.Process("api"));
    }

    [Fact]
    public void Space_on_a_member_folds_its_group_and_selects_the_header()
    {
        var s = Stack().SelectProcess("front").Press(' ').State;
        Assert.Contains("web", s.List.Collapsed);
        Assert.Equal(RowKey.Group("web"), s.List.Selected);
    }

    [Fact]
    public void F_filters_the_list_as_one_types_and_Escape_clears_it()
    {
        var s = Stack().Press('F').State;
        Assert.Equal(new Overlay.Prompt(PromptKind.ListFilter, ""), s.Overlay);
        s = s.Keys("fro");
        Assert.Equal("fro", s.List.Filter);
        Assert.Equal([RowKey.Group("web"), RowKey.Process("front")], ProcessRows.Build(s).Select(r => r.Key));
        Assert.Equal(RowKey.Group("web"), s.List.Selected);

        var kept = s.Press(KeyCode.Enter).State;
        Assert.Null(kept.Overlay);
        Assert.Equal("fro", kept.List.Filter);

        var cleared = s.Press(KeyCode.Escape).State;
        Assert.Equal("", cleared.List.Filter);
        Assert.Equal(6, ProcessRows.Build(cleared).Length);
    }

    [Fact]
    public void Backslash_opens_the_filter_too_and_Backspace_edits_it()
    {
        var s = Stack().Press('\\').State.Keys("apx").Press(KeyCode.Backspace).State;
        Assert.Equal("ap", s.List.Filter);
    }

    [Fact]
    public void The_filter_key_in_the_log_pane_filters_log_lines()
    {
        var s = Stack().Press(KeyCode.Tab).State.Press('F').State.Keys("err");
        Assert.Equal("err", s.Log.Filter);
        Assert.Equal("", s.List.Filter);
    }

    [Fact]
    public void o_cycles_the_sort_and_keeps_the_selection_on_the_same_process()
    {
        var s = Stack().SelectProcess("front");
        var sorts = new List<SortOrder>();
        for (int i = 0; i < 5; i++)
        {
            s = s.Press('o').State;
            sorts.Add(s.List.Sort);
            Assert.Equal(RowKey.Process("front"), s.List.Selected);
        }
        Assert.Equal([SortOrder.Name, SortOrder.Cpu, SortOrder.Memory, SortOrder.Restarts, SortOrder.Config], sorts);
    }

    [Fact]
    public void Question_mark_and_F1_open_the_help_and_any_other_key_closes_it()
    {
        var s = Stack().Press('?').State;
        Assert.IsType<Overlay.Help>(s.Overlay);
        Assert.IsType<Overlay.Help>(Stack().Press(KeyCode.F1).State.Overlay);
        var scrolled = s.Press('j').State;
        Assert.Equal(new Overlay.Help(1), scrolled.Overlay);
        var (closed, effect) = s.Press('x');
        Assert.Null(closed.Overlay);
        Assert.Null(effect); // the key that closes the help does nothing else
    }

    [Fact]
    public void The_help_scrolls_no_further_than_its_last_line()
    {
        var s = Stack(height: 24).Press('?').State;
        for (int i = 0; i < 200; i++) s = s.Press('j').State;
        int max = Tui.App.Views.HelpOverlay.MaxScroll(s);
        Assert.True(max > 0);
        Assert.Equal(new Overlay.Help(max), s.Overlay);
        Assert.Equal(new Overlay.Help(max - 1), s.Press('k').State.Overlay);
    }

    [Fact]
    public void t_asks_for_the_next_theme_by_name()
    {
        var s = Stack() with { ThemeNames = ["default", "dracula", "light"] };
        Assert.Equal(new Effect.LoadTheme("dracula"), s.Press('t').Effect);
    }

    [Fact]
    public void q_with_running_processes_asks_first_and_quits_on_y()
    {
        var (asking, none) = Stack().Press('q');
        Assert.Null(none);
        Assert.Contains("4 processes are running", Assert.IsType<Overlay.Confirm>(asking.Overlay).Question);
        var (done, effect) = asking.Press('y');
        Assert.Equal(new Effect.Quit(), effect);
        Assert.True(done.Quitting);
    }

    [Fact]
    public void q_with_nothing_running_quits_at_once()
    {
        var s = Of(120, 40, null, Fakes.TestProcesses.Snapshot("db", state: ProcessState.Stopped));
        var (done, effect) = s.Press('q');
        Assert.Equal(new Effect.Quit(), effect);
        Assert.True(done.Quitting);
    }

    [Fact]
    public void q_in_an_attached_monitor_detaches_at_once_as_the_processes_keep_running()
    {
        var (done, effect) = (Stack() with { QuitDetaches = true }).Press('q');
        Assert.Null(done.Overlay);
        Assert.Equal(new Effect.Quit(), effect);
        Assert.True(done.Quitting);
    }

    [Fact]
    public void Ctrl_r_asks_for_a_reload_of_the_config()
    {
        var (_, effect) = Reducer.Update(Stack(), new Msg.Key(KeyChord.Of('r', KeyModifiers.Ctrl)));
        Assert.Equal(new Effect.Reload(), effect);
    }

    [Fact]
    public void A_failed_reload_is_shown_once_though_the_reply_and_the_engine_event_both_tell_it()
    {
        const string error = "processes.toml:3:16: stop_timeout must be a duration string with a unit";
        var s = Stack()
            .Send(new Msg.ReloadDone(CommandResult.Fail(error)))
            .Send(new Msg.Events([new ConfigError(Stack().Now, error)]));
        var shown = Assert.Single(s.Notifications);
        Assert.Equal(NotificationLevel.Error, shown.Level);
        Assert.Equal(error, shown.Text);
    }

    [Fact]
    public void A_successful_reload_reply_adds_nothing_of_its_own_the_engine_event_tells_what_changed()
    {
        var s = Stack().Send(new Msg.ReloadDone(new CommandResult(true, ["api"])));
        Assert.Empty(s.Notifications);
    }

    [Fact]
    public void Ctrl_c_quits_like_q()
    {
        var (asking, _) = Reducer.Update(Stack(), new Msg.Key(KeyChord.Of('c', KeyModifiers.Ctrl)));
        Assert.IsType<Overlay.Confirm>(asking.Overlay);
    }

    [Fact]
    public void A_user_binding_replaces_the_default_key()
    {
        var keys = KeyMap.Create(new Dictionary<string, string> { ["stop"] = "ctrl+x" });
        var s = Stack(keys: keys).SelectProcess("api");
        Assert.Null(s.Press('x').Effect);
        var (_, effect) = Reducer.Update(s, new Msg.Key(KeyChord.Of('x', KeyModifiers.Ctrl)));
        Assert.Equal(Effect.Stop("api"), effect);
    }
}
