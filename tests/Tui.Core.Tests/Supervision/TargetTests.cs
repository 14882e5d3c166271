using Tui.Core.Supervision;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Supervision;

/// <summary>Commands act on one process, a group, a replicated process's replicas, or all; unknown names say so.</summary>
public sealed class TargetTests
{
    private static FakeEngine Stack() => new(
        Process("db") with { Group = "data" },
        Process("cache") with { Group = "data" },
        Process("api-1") with { BaseName = "api", ReplicaIndex = 1, Group = "web" },
        Process("api-2") with { BaseName = "api", ReplicaIndex = 2, Group = "web" });

    [Fact]
    public async Task Unknown_process_name_is_a_failed_command_not_an_exception()
    {
        await using var engine = Stack();
        var result = await engine.Supervisor.StopAsync(ProcessTarget.Parse("x"));
        Assert.False(result.Ok);
        Assert.Equal("no process named 'x'", result.Error);
        Assert.Empty(result.Affected);
    }

    [Fact]
    public async Task Unknown_group_is_a_failed_command()
    {
        var result = await Stack().Supervisor.StartAsync(ProcessTarget.Parse("@nope"));
        Assert.Equal("no group named 'nope'", result.Error);
    }

    [Fact]
    public async Task Group_target_acts_on_every_member_and_nothing_else()
    {
        await using var engine = Stack();
        await engine.Supervisor.StartAsync();

        var result = await engine.Supervisor.StopAsync(ProcessTarget.Parse("@data"));

        Assert.Equal(["db", "cache"], result.Affected.Order().Reverse());
        Assert.Equal(
            [ProcessState.Stopped, ProcessState.Stopped, ProcessState.Ready, ProcessState.Ready],
            engine.Supervisor.Current.Select(s => s.State));
    }

    [Fact]
    public async Task Base_name_of_a_replicated_process_targets_all_its_replicas()
    {
        await using var engine = Stack();
        await engine.Supervisor.StartAsync();

        var result = await engine.Supervisor.RestartAsync(ProcessTarget.Parse("api"));

        Assert.Equal(["api-1", "api-2"], result.Affected);
        Assert.Equal(2, engine.Launcher.All("api-1").Count);
        Assert.Equal(2, engine.Launcher.All("api-2").Count);
        Assert.Single(engine.Launcher.All("db"));
    }

    [Fact]
    public async Task All_target_stops_everything()
    {
        await using var engine = Stack();
        await engine.Supervisor.StartAsync();

        var result = await engine.Supervisor.StopAsync(ProcessTarget.Parse("all"));

        Assert.Equal(4, result.Affected.Count);
        Assert.All(engine.Supervisor.Current, s => Assert.Equal(ProcessState.Stopped, s.State));
    }

    [Fact]
    public async Task Starting_a_running_process_is_refused_with_its_state()
    {
        await using var engine = Stack();
        await engine.Supervisor.StartAsync();
        var result = await engine.Supervisor.StartAsync(ProcessTarget.Parse("db"));
        Assert.Equal("db is already ready", result.Error);
        Assert.Single(engine.Launcher.All("db"));
    }

    [Fact]
    public async Task Disabled_process_is_never_started()
    {
        await using var engine = new FakeEngine(Process("old") with { Disabled = true });
        await engine.Supervisor.StartAsync();
        var result = await engine.Supervisor.StartAsync(ProcessTarget.Parse("old"));

        Assert.Equal(ProcessState.Disabled, engine.State("old"));
        Assert.Equal("old is disabled", result.Error);
        Assert.Empty(engine.Launcher.Started);
    }

    [Fact]
    public async Task Process_without_autostart_stays_pending_until_started()
    {
        await using var engine = new FakeEngine(Process("tool") with { Autostart = false });
        await engine.Supervisor.StartAsync();
        Assert.Equal(ProcessState.Pending, engine.State("tool"));

        await engine.Supervisor.StartAsync(ProcessTarget.Parse("tool"));
        Assert.Equal(ProcessState.Ready, engine.State("tool"));
    }

    [Fact]
    public async Task Command_that_cannot_start_fails_the_process_with_the_launchers_reason()
    {
        await using var engine = new FakeEngine(Process("ghost"));
        engine.Launcher.Unstartable["ghost"] = "command not found: ghost";

        var result = await engine.Supervisor.StartAsync();

        Assert.True(result.Ok);
        var snapshot = engine.Snapshot("ghost");
        Assert.Equal(ProcessState.Failed, snapshot.State);
        Assert.Equal("command not found: ghost", snapshot.Reason);
        Assert.Contains(engine.Supervisor.RecentLogs("ghost", 10), l => l.Text.Contains("command not found: ghost"));
    }
}
