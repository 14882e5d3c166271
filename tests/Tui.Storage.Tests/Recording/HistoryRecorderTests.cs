using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Storage.Recording;
using Tui.Storage.Tests.Support;
using static Tui.Core.Supervision.ProcessState;

namespace Tui.Storage.Tests.Recording;

public sealed class HistoryRecorderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => _dir.File("history.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_crash_a_restart_and_a_user_stop_become_two_runs_with_their_reasons()
    {
        using var h = new RecorderHarness(DbPath);
        var step = TimeSpan.FromMilliseconds(300); // the script spans several batches, as a real one does
        h.Emit(h.Changed("api", Pending, Starting, "start"));
        h.Emit(h.Started("api", 101, run: 1), h.Changed("api", Starting, Running, "spawned", 101));
        h.Clock.AdvanceBy(step * 5);
        h.Emit(h.Exited("api", 101, new ExitStatus(3, null), TimeSpan.FromSeconds(1.5)), h.Changed("api", Running, Backoff, "exit 3", 101));
        h.Emit(h.Restart("api", 1, TimeSpan.FromMilliseconds(500), "crash: exit 3"));
        h.Clock.AdvanceBy(step);
        h.Emit(h.Changed("api", Backoff, Starting, "restart"), h.Started("api", 102, run: 2), h.Changed("api", Starting, Running, "spawned", 102));
        h.Clock.AdvanceBy(step * 4);
        h.Emit(h.Changed("api", Running, Stopping, "user stop", 102));
        h.Clock.AdvanceBy(step);
        h.Emit(h.Exited("api", 102, new ExitStatus(null, Signals.SIGTERM), TimeSpan.FromSeconds(1.5)), h.Changed("api", Stopping, Stopped, "signal SIGTERM", 102));
        h.Flush();

        var runs = h.Read(s => s.Runs("api"));
        Assert.Equal(2, runs.Count);
        var (first, second) = (runs[0], runs[1]);
        Assert.Equal((1, 101, 101_000L, "exit 3", "exit 3"), (first.Run!.Value, first.Pid, first.ProcessStartTicks!.Value, first.Outcome, first.Reason));
        Assert.Equal(RecorderHarness.T0, first.StartedAt);
        Assert.Equal(RecorderHarness.T0 + step * 5, first.EndedAt);
        Assert.Equal((2, 102, "signal SIGTERM", "user stop"), (second.Run!.Value, second.Pid, second.Outcome, second.Reason));
        Assert.False(second.IsRunning);

        var transitions = h.Read(s => s.Transitions("api"));
        Assert.Equal(
            ["Pending>Starting", "Starting>Running", "Running>Backoff", "Backoff>Starting", "Starting>Running", "Running>Stopping", "Stopping>Stopped"],
            transitions.Select(t => $"{t.From}>{t.To}"));
        var restart = Assert.Single(h.Read(s => s.Restarts("api")));
        Assert.Equal((1, TimeSpan.FromMilliseconds(500), "crash: exit 3"), (restart.Attempt, restart.Delay, restart.Cause));
        Assert.Empty(h.Problems);
    }

    [Fact]
    public void Nothing_is_written_before_the_batch_interval_and_one_transaction_after()
    {
        var options = RecorderOptions.Default with { BatchInterval = TimeSpan.FromSeconds(2) };
        using var h = new RecorderHarness(DbPath, options);
        h.Emit(h.Started("web", 7, 1), h.Changed("web", Starting, Running, "spawned", 7), h.Restart("web", 1, TimeSpan.Zero, "file changed: app.py"));

        h.Clock.AdvanceBy(options.BatchInterval - TimeSpan.FromTicks(1));
        Assert.Empty(h.Read(s => s.Runs()));
        Assert.Equal(0, h.Recorder.BatchesWritten);

        h.Clock.AdvanceBy(TimeSpan.FromTicks(1));
        Assert.Single(h.Read(s => s.Runs()));
        Assert.Single(h.Read(s => s.Transitions()));
        Assert.Equal(1, h.Recorder.BatchesWritten);
        Assert.Equal(3, h.Recorder.RowsWritten);
    }

    [Fact]
    public void A_full_batch_is_written_at_once_without_waiting_for_the_interval()
    {
        using var h = new RecorderHarness(DbPath, RecorderOptions.Default with { BatchSize = 3 });
        h.Emit(h.Changed("a", Pending, Starting, "start"), h.Changed("b", Pending, Starting, "start"));
        Assert.Equal(0, h.Recorder.BatchesWritten);

        h.Emit(h.Changed("c", Pending, Starting, "start"));

        Assert.Equal(1, h.Recorder.BatchesWritten);
        Assert.Equal(3, h.Read(s => s.Transitions()).Count);
    }

    [Fact]
    public void An_exit_whose_start_was_not_seen_is_recorded_as_a_run_dated_by_its_uptime()
    {
        using var h = new RecorderHarness(DbPath);
        h.Clock.AdvanceBy(TimeSpan.FromMinutes(10));
        h.Emit(h.Exited("db", 55, new ExitStatus(0, null), TimeSpan.FromMinutes(4)));
        h.Flush();

        var run = Assert.Single(h.Read(s => s.Runs("db")));
        Assert.Equal((55, "exit 0", (int?)null), (run.Pid, run.Outcome, run.Run));
        Assert.Equal(TimeSpan.FromMinutes(4), run.Duration);
    }

    [Fact]
    public void Notices_reloads_and_config_errors_are_counted()
    {
        using var h = new RecorderHarness(DbPath);
        h.Emit(
            new Notice(h.Now, "api", NoticeLevel.Warning, "readiness probe failed: connection refused"),
            new Notice(h.Now, "api", NoticeLevel.Info, "watching 12 files"),
            new Notice(h.Now, null, NoticeLevel.Error, "inotify watch limit reached"),
            new ConfigReloaded(h.Now, ["worker"], [], ["api"]),
            new ConfigError(h.Now, "processes.toml:3:9: expected a string"),
            h.Restart("api", 1, TimeSpan.FromSeconds(1), "config changed"));
        h.Flush();

        var all = h.Read(s => s.Counts());
        Assert.Equal((1L, 1L, 1L, 1L), (all.HealthFailures, all.Reloads, all.ConfigErrors, all.Restarts));
        var worker = h.Read(s => s.Counts("worker"));
        Assert.Equal((0L, 0L), (worker.HealthFailures, worker.Restarts));
    }

    [Fact]
    public void Runs_left_open_when_an_earlier_tui_stopped_are_marked_end_unknown()
    {
        using (var first = new RecorderHarness(DbPath))
        {
            first.Emit(first.Started("api", 300, 1), first.Changed("api", Starting, Running, "spawned", 300));
            // Disposing flushes the open run; the exit never comes, as when Tui is killed.
        }
        using var second = new RecorderHarness(DbPath); // marks the open run as it opens the database
        var openRun = Assert.Single(second.Read(s => s.Runs()));
        Assert.True(openRun.EndUnknown);
        Assert.Equal("unknown", openRun.Outcome);
        Assert.False(openRun.IsRunning);
    }

    [Fact]
    public void Dispose_writes_the_partial_batch()
    {
        var h = new RecorderHarness(DbPath, RecorderOptions.Default with { BatchInterval = TimeSpan.FromHours(1) });
        h.Emit(h.Started("api", 9, 1));
        Assert.Equal(0, h.Recorder.BatchesWritten);

        h.Dispose();

        Assert.Single(h.Read(s => s.Runs()));
    }

    [Fact]
    public void A_failing_engine_stream_ends_recording_quietly_and_keeps_what_was_buffered()
    {
        using var h = new RecorderHarness(DbPath);
        h.Emit(h.Started("api", 9, 1));
        h.Events.OnError(new InvalidOperationException("engine stream broke"));

        Assert.Single(h.Read(s => s.Runs()));
        Assert.Empty(h.Problems);
    }

    [Fact]
    public void Entries_beyond_the_pending_limit_are_dropped_and_reported_once()
    {
        // The writer never gets to run: every batch waits, as behind a stalled disk.
        var stalledWriter = new System.Reactive.Concurrency.HistoricalScheduler();
        const int batchSize = 100, limit = 1000;
        var options = RecorderOptions.Default with { BatchSize = batchSize, MaxPendingEntries = limit };
        using var h = new RecorderHarness(DbPath, options, writer: stalledWriter);
        var change = h.Changed("api", Running, Running, "tick");
        for (var i = 0; i < limit + 3 * batchSize; i++) h.Emit(change);

        Assert.Equal(3 * batchSize, h.Recorder.DroppedEntries);
        Assert.Equal([HistoryRecorder.FallingBehind], h.Problems);

        stalledWriter.Start(); // the disk comes back: what was queued is written
        Assert.Equal(limit, h.Read(s => s.Counts().Transitions));
    }

    [Fact]
    public void With_its_own_writer_thread_and_real_time_the_recorder_flushes_everything_on_dispose()
    {
        var events = new System.Reactive.Subjects.Subject<SupervisorEvent>();
        var recorder = new HistoryRecorder(DbPath, System.Reactive.Concurrency.Scheduler.Default);
        recorder.Attach(events, System.Reactive.Linq.Observable.Never<Tui.Core.Stats.ProcessStats>());
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 1200; i++) // more than two full batches and a partial one
            events.OnNext(new StateChanged(at, "api", Running, Running, $"tick {i}", null));

        recorder.Dispose();

        using var store = Tui.Storage.Reading.HistoryStore.Open(DbPath);
        Assert.Equal(1200, store.Counts().Transitions);
        Assert.False(recorder.IsDisabled);
    }
}
