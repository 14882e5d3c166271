using System.Collections.Immutable;
using Tui.App.Commands;
using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Tests.Fakes;
using Tui.App.Views;
using Tui.Core.Config;
using Tui.Core.Control.Wire;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;
using static Tui.App.Tests.Fakes.TestProcesses;

namespace Tui.App.Tests.Views;

/// <summary>How the monitor's list and tui ps show jobs of the pool and scheduled jobs: "queued (3rd)", "next run in 4m".</summary>
public sealed class JobRowTests
{
    private static readonly ProcessSnapshot[] Jobs =
    [
        Snapshot("encode-1", "jobs", ProcessState.Running, kind: ProcessKind.Job),
        Snapshot("encode-2", "jobs", ProcessState.Queued, reason: "waiting for the pool: 1 of 1 jobs running", kind: ProcessKind.Job) with { QueuePosition = 1 },
        Snapshot("encode-3", "jobs", ProcessState.Queued, reason: "waiting for the pool: 1 of 1 jobs running", kind: ProcessKind.Job) with { QueuePosition = 2 },
        Snapshot("encode-4", "jobs", ProcessState.Queued, reason: "waiting for the pool: 1 of 1 jobs running", kind: ProcessKind.Job) with { QueuePosition = 3 },
        Snapshot("backup", "jobs", ProcessState.Completed, lastExit: new ExitStatus(0, null), reason: "exit 0", kind: ProcessKind.Job)
            with { NextRunAt = Now + TimeSpan.FromMinutes(4) },
        Snapshot("report", "jobs", ProcessState.Pending, kind: ProcessKind.Job) with { NextRunAt = Now + TimeSpan.FromSeconds(90) },
        // Running now: the next run is not what matters about it.
        Snapshot("sync", "jobs", ProcessState.Running, kind: ProcessKind.Job) with { NextRunAt = Now + TimeSpan.FromMinutes(5) },
    ];

    private static string[] Screen(string? selected = null)
    {
        using var engine = new FakeSupervisor("/srv/app/processes.toml", Jobs);
        var state = Reducer.Normalize(new AppState
        {
            ConfigPath = engine.ConfigPath,
            Keys = KeyMap.Default,
            Processes = engine.Current,
            Now = Now,
            Width = 120,
            Height = 30,
        });
        if (selected is not null) state = Reducer.Select(state, RowKey.Process(selected));
        var buffer = new CellBuffer(state.Width, state.Height);
        ShellView.Render(state, engine, buffer);
        return buffer.ToLines();
    }

    private static string Row(string[] screen, string name) =>
        screen.FirstOrDefault(l => l.Contains($" {name} ", StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", screen));

    [Fact]
    public void A_queued_job_shows_its_place_in_the_queue()
    {
        var screen = Screen();
        Assert.Contains("… queued (1st)", Row(screen, "encode-2"));
        Assert.Contains("… queued (2nd)", Row(screen, "encode-3"));
        Assert.Contains("… queued (3rd)", Row(screen, "encode-4"));
    }

    [Fact]
    public void A_scheduled_job_between_runs_shows_when_it_runs_next()
    {
        var screen = Screen();
        Assert.True(Row(screen, "backup").Contains("next run in 4m (exit 0)"), string.Join("\n", screen));
        Assert.Contains("next run in 2m", Row(screen, "report")); // 90s, rounded up to the minute
        Assert.DoesNotContain("next run", Row(screen, "sync"));
    }

    [Fact]
    public void The_detail_of_a_scheduled_job_says_when_it_runs_next()
    {
        var screen = Screen("backup");
        var exit = screen.First(l => l.Contains("│ exit ", StringComparison.Ordinal));
        Assert.Contains("· next run in 4m (at 14:06:11)", exit);
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(102, "102nd")]
    public void Places_read_as_ordinals(int place, string text) => Assert.Equal(text, Format.Ordinal(place));

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(59.2, "1m")]
    [InlineData(240, "4m")]
    [InlineData(241, "5m")]
    [InlineData(3 * 3600 + 300, "3h05m")]
    [InlineData(2 * 86400 + 3600, "2d01h")]
    public void Time_until_a_run_is_rounded_up(double seconds, string text) => Assert.Equal(text, Format.Until(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Tui_ps_shows_the_queue_place_and_the_next_run()
    {
        var output = new StringWriter();
        ProcessTable.Write([.. Jobs.Select(ProcessInfo.From)], Now, output);
        var lines = output.ToString().Split('\n');

        Assert.Matches(@"^encode-4\s+jobs\s+queued \(3rd\)\s+-\s+-\s+0\s+waiting for the pool: 1 of 1 jobs running$", lines.Single(l => l.StartsWith("encode-4", StringComparison.Ordinal)).TrimEnd('\r'));
        Assert.EndsWith("next run in 4m (exit 0)", lines.Single(l => l.StartsWith("backup", StringComparison.Ordinal)).TrimEnd('\r'));
        Assert.EndsWith("next run in 2m", lines.Single(l => l.StartsWith("report", StringComparison.Ordinal)).TrimEnd('\r'));
    }

    [Fact]
    public void The_wire_carries_the_next_run_and_the_queue_place()
    {
        var json = ControlJson.EncodeProcesses([.. Jobs.Select(ProcessInfo.From)]);
        Assert.Contains("\"queue_position\": 3", json);
        Assert.Contains("\"next_run_at\": ", json);
        var back = Jobs.Select(ProcessInfo.From).Select(p => p.ToSnapshot(null)).ToList();
        Assert.Equal(3, back.Single(s => s.Name == "encode-4").QueuePosition);
        Assert.Equal(ProcessState.Queued, back.Single(s => s.Name == "encode-4").State);
        Assert.Equal(Now + TimeSpan.FromMinutes(4), back.Single(s => s.Name == "backup").NextRunAt);
    }
}
