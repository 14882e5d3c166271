using System.Collections.Immutable;
using Tui.Core.Supervision;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Supervision;

/// <summary>What a front end sees: snapshots that replay and follow every change, hot events, commands as results.</summary>
public sealed class SurfaceTests
{
    [Fact]
    public async Task Snapshots_replay_the_latest_to_a_late_subscriber()
    {
        await using var engine = new FakeEngine(Process("db"), Process("api"));
        await engine.Supervisor.StartAsync();

        ImmutableArray<ProcessSnapshot>? seen = null;
        using var subscription = engine.Supervisor.Snapshots.Subscribe(s => seen = s);

        Assert.NotNull(seen);
        Assert.Equal(["db", "api"], seen.Value.Select(s => s.Name));
        Assert.All(seen.Value, s => Assert.Equal(ProcessState.Ready, s.State));
        Assert.Equal(engine.Supervisor.Current, seen.Value);
    }

    [Fact]
    public async Task Every_state_change_is_in_a_snapshot_that_agrees_with_the_event()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = Tui.Core.Config.RestartPolicy.Always });
        var snapshots = new List<ImmutableArray<ProcessSnapshot>>();
        var mismatches = new List<string>();
        using var snapshotFeed = engine.Supervisor.Snapshots.Subscribe(snapshots.Add);
        // While an event is delivered, Current already shows its new state.
        using var eventFeed = engine.Supervisor.Events.Subscribe(e =>
        {
            if (e is StateChanged c && engine.Supervisor.Current.Single().State != c.To) mismatches.Add($"{c.From}->{c.To}");
        });

        await engine.Supervisor.StartAsync();
        engine.Launcher.Latest("api").Exit(1);
        engine.Advance(Backoff.Initial);

        var states = snapshots.Select(s => s.Single().State).Distinct().ToList();
        Assert.Equal(
            [ProcessState.Pending, ProcessState.Starting, ProcessState.Running, ProcessState.Ready, ProcessState.Backoff],
            states);
        Assert.Empty(mismatches);
        var changes = engine.Events.Changes("api");
        Assert.All(changes, c => Assert.Contains(snapshots, s => s.Single().State == c.To && s.Single().StateSince == c.At));
    }

    [Fact]
    public async Task Events_are_hot_a_late_subscriber_sees_only_what_follows()
    {
        await using var engine = new FakeEngine(Process("api"));
        await engine.Supervisor.StartAsync();
        var late = new List<SupervisorEvent>();
        using var subscription = engine.Supervisor.Events.Subscribe(late.Add);

        await engine.Supervisor.StopAsync(ProcessTarget.Parse("api"));

        Assert.Equal(
            ["Ready->Stopping", "Stopping->Stopped"],
            late.OfType<StateChanged>().Select(c => $"{c.From}->{c.To}"));
    }

    [Fact]
    public async Task Transitions_are_stamped_with_the_engines_clock()
    {
        await using var engine = new FakeEngine(Process("api") with { Restart = Tui.Core.Config.RestartPolicy.Always });
        await engine.Supervisor.StartAsync();
        engine.Advance(TimeSpan.FromSeconds(90));
        engine.Launcher.Latest("api").Exit(2);

        var backoff = engine.Events.Changes("api").Single(c => c.To == ProcessState.Backoff);
        Assert.Equal(FakeEngine.T0 + TimeSpan.FromSeconds(90), backoff.At);
        var exited = Assert.Single(engine.Events.All.OfType<ProcessExited>());
        Assert.Equal(TimeSpan.FromSeconds(90), exited.Uptime);
    }
}
