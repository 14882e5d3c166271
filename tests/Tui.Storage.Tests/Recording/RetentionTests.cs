using Tui.Core.Supervision;
using Tui.Storage.Recording;
using Tui.Storage.Tests.Support;
using static Tui.Core.Supervision.ProcessState;

namespace Tui.Storage.Tests.Recording;

public sealed class RetentionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string DbPath => _dir.File("history.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Rows_older_than_the_max_age_are_pruned_when_the_database_opens()
    {
        using (var first = new RecorderHarness(DbPath))
        {
            first.Emit(
                new RestartScheduled(RecorderHarness.T0, "api", 1, TimeSpan.Zero, "day 0"),
                new RestartScheduled(RecorderHarness.T0 + TimeSpan.FromDays(20), "api", 2, TimeSpan.Zero, "day 20"));
        }

        // 35 days after the first row: day 0 is past the 30 days, day 20 is not.
        using var later = new RecorderHarness(DbPath, clockStart: RecorderHarness.T0 + TimeSpan.FromDays(35));

        Assert.Equal(["day 20"], later.Read(s => s.Restarts().Select(r => r.Cause)));
    }

    [Fact]
    public void A_long_running_run_is_kept_past_the_max_age_until_it_ends()
    {
        var options = RecorderOptions.Default with
        {
            BatchInterval = TimeSpan.FromHours(1), // days of virtual time in few timer ticks
            Retention = RetentionPolicy.Default with { MaxAge = TimeSpan.FromDays(1), PruneEveryBatches = 1 },
        };
        using var h = new RecorderHarness(DbPath, options);
        h.Emit(h.Started("db", 5, 1));
        h.Flush();
        h.Clock.AdvanceBy(TimeSpan.FromDays(3));
        h.Emit(h.Changed("other", Pending, Starting, "start"));
        h.Flush(); // prunes: the run started 3 days ago but is still going

        var run = Assert.Single(h.Read(s => s.Runs()));
        Assert.True(run.IsRunning);
    }

    [Fact]
    public void Pruning_runs_every_n_batches_while_recording()
    {
        var options = RecorderOptions.Default with
        {
            BatchInterval = TimeSpan.FromMinutes(1),
            Retention = RetentionPolicy.Default with { MaxAge = TimeSpan.FromHours(1), PruneEveryBatches = 3 },
        };
        using var h = new RecorderHarness(DbPath, options);
        h.Emit(h.Restart("api", 1, TimeSpan.Zero, "old"));
        h.Flush();
        h.Clock.AdvanceBy(TimeSpan.FromHours(2));
        h.Emit(h.Restart("api", 2, TimeSpan.Zero, "new 1"));
        h.Flush();
        Assert.Equal(2, h.Read(s => s.Restarts()).Count); // two batches: no prune yet

        h.Emit(h.Restart("api", 3, TimeSpan.Zero, "new 2"));
        h.Flush(); // the third batch prunes

        Assert.Equal(["new 1", "new 2"], h.Read(s => s.Restarts().Select(r => r.Cause)));
    }

    [Fact]
    public void Over_the_size_limit_the_oldest_rows_go_until_the_database_is_under_the_target()
    {
        const long maxBytes = 256 * 1024;
        var options = RecorderOptions.Default with
        {
            BatchSize = 500,
            Retention = RetentionPolicy.Default with { MaxBytes = maxBytes, PruneEveryBatches = 1 },
        };
        var reason = new string('x', 200);
        using var h = new RecorderHarness(DbPath, options);
        const int total = 6000; // about 1.5 MB of transitions: six times the limit
        for (var i = 0; i < total; i++)
        {
            h.Emit(h.Changed("api", Running, Running, $"{i:D5} {reason}"));
            h.Clock.AdvanceBy(TimeSpan.FromMilliseconds(1));
        }
        h.Flush();

        using var connection = RawDatabase.Open(DbPath);
        var used = RetentionPruner.UsedBytes(connection);
        Assert.True(used <= maxBytes, $"{used} bytes of pages still in use");
        var kept = h.Read(s => s.Transitions());
        Assert.InRange(kept.Count, 1, total - 1);
        Assert.Equal($"{total - 1:D5} {reason}", kept[^1].Reason); // the newest are the ones kept
        Assert.Equal(kept.Count, kept.Select(t => t.Reason).Distinct().Count());
        // Incremental vacuum gave the freed pages back: the file is not much bigger than what it holds.
        Assert.True(new FileInfo(DbPath).Length <= maxBytes * 1.5, $"file is {new FileInfo(DbPath).Length} bytes");
    }
}
