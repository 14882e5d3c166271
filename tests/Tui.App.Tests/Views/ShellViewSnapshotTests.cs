using Tui.App.Keys;
using Tui.App.Shell;
using Tui.Core.Supervision;
using static Tui.App.Tests.Fakes.TestProcesses;

namespace Tui.App.Tests.Views;

public class ShellViewSnapshotTests
{
    [Fact]
    public void Compact_80x24_shows_the_list_and_the_selected_logs_without_frames()
    {
        using var scene = new Scene(80, 24).Select("api");
        SnapshotAssert.Matches("compact-80x24", scene.Render());
    }

    [Fact]
    public void Tall_120x40_shows_list_detail_and_logs()
    {
        using var scene = new Scene(120, 40).Select("api");
        SnapshotAssert.Matches("tall-120x40", scene.Render());
    }

    [Fact]
    public void Wide_200x60_puts_the_logs_beside_the_list()
    {
        using var scene = new Scene(200, 60).Select("api");
        SnapshotAssert.Matches("wide-200x60", scene.Render());
    }

    [Fact]
    public void A_process_in_backoff_shows_its_countdown_exit_and_restart_history()
    {
        using var scene = new Scene(120, 40).Select("worker");
        SnapshotAssert.Matches("backoff-detail-120x40", scene.Render());
    }

    [Fact]
    public void All_logs_merged_prefix_each_line_with_its_process_and_show_timestamps()
    {
        using var scene = new Scene(120, 40).Select("api").Keys("aT");
        SnapshotAssert.Matches("merged-logs-120x40", scene.Render());
    }

    [Fact]
    public void Search_marks_the_current_match_and_scrolls_to_it()
    {
        using var scene = new Scene(120, 40).Select("api").Keys("/GET /users/1").Key(KeyCode.Enter)
            .Send(new Msg.MatchFound(new LineRef("api", 0), 0, "GET /users/1"));
        // Jump to the line "GET /users/19" as the runner would answer.
        var target = scene.Engine.RecentLogs("api", 100).Last(l => l.Text.Contains("GET /users/19"));
        int offset = scene.Engine.RecentLogs("api", 100).Count - 1 - scene.Engine.RecentLogs("api", 100).ToList().IndexOf(target);
        scene.Send(new Msg.MatchFound(new LineRef("api", target.Sequence), offset, "GET /users/1"));
        SnapshotAssert.Matches("search-120x40", scene.Render());
    }

    [Fact]
    public void The_help_overlay_lists_every_key()
    {
        using var scene = new Scene(120, 40).Keys("?");
        SnapshotAssert.Matches("help-120x40", scene.Render());
    }

    [Fact]
    public void Stopping_a_group_asks_in_a_dialog()
    {
        using var scene = new Scene(120, 40).Select("api").Keys("X");
        SnapshotAssert.Matches("confirm-group-stop-120x40", scene.Render());
    }

    [Fact]
    public void The_filter_prompt_takes_the_bottom_line_and_filters_live()
    {
        using var scene = new Scene(80, 24).Keys("Fr");
        SnapshotAssert.Matches("filter-prompt-80x24", scene.Render());
    }

    [Fact]
    public void The_palette_lists_the_best_matches_first_with_their_keys()
    {
        using var scene = new Scene(120, 40).Select("api").Keys(":rest");
        SnapshotAssert.Matches("palette-120x40", scene.Render());
    }

    [Fact]
    public void The_palette_fits_a_small_screen_and_scrolls_to_the_chosen_line()
    {
        using var scene = new Scene(80, 24).Keys(":").Key(KeyCode.PageDown).Key(KeyCode.Down);
        SnapshotAssert.Matches("palette-scrolled-80x24", scene.Render());
    }

    [Fact]
    public void g_shows_the_group_actions_in_the_hint_bar()
    {
        using var scene = new Scene(120, 40).Select("front").Keys("g");
        SnapshotAssert.Matches("group-prefix-120x40", scene.Render());
    }

    [Fact]
    public void Notifications_stack_in_the_top_right_corner()
    {
        using var scene = new Scene(120, 40).Select("api").Send(new Msg.Events([
            new StateChanged(Now, "worker", ProcessState.Running, ProcessState.Backoff, "exit 3", null),
            new Notice(Now, "api", NoticeLevel.Warning, "health check failed: HTTP 503"),
            new ConfigError(Now, "processes.toml:12:9: expected '=' after a key"),
        ]));
        SnapshotAssert.Matches("notifications-120x40", scene.Render());
    }

    [Fact]
    public void A_folded_group_shows_only_its_header_and_the_sort_shows_in_the_title()
    {
        using var scene = new Scene(120, 40).Select("train").Keys(" oo");
        SnapshotAssert.Matches("folded-sorted-120x40", scene.Render());
    }

    [Fact]
    public void The_log_pane_focused_and_scrolled_shows_how_far_and_other_hints()
    {
        using var scene = new Scene(120, 40).Select("api").Key(KeyCode.Enter).Keys("kkkw");
        SnapshotAssert.Matches("logs-scrolled-120x40", scene.Render());
    }
}
