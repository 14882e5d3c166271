using Tui.Core.Config;
using Tui.Core.Supervision;
using static Tui.Core.Tests.Supervision.TestConfigs;

namespace Tui.Core.Tests.Supervision;

/// <summary>depends_on with real children: start order, the three conditions, failure propagation, reverse stop order.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DependencyTests
{
    private const string Forever = "echo up\nexec sleep 1000";

    [Fact]
    public async Task Dependant_starts_only_once_its_dependency_has_started()
    {
        await using var engine = new RealEngine();
        // api comes first in the file, but needs db.
        engine.Run(engine.Process("api", Forever, On("db")), engine.Process("db", Forever));

        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("api", ProcessState.Ready);

        var starts = engine.Events.All.OfType<ProcessStarted>().Select(s => s.Process);
        Assert.Equal(["db", "api"], starts);
        var dbRunning = engine.Events.Changes("db").First(c => c.To == ProcessState.Running);
        var apiStarting = engine.Events.Changes("api").First(c => c.To == ProcessState.Starting);
        Assert.True(engine.Events.All.ToList().IndexOf(dbRunning) < engine.Events.All.ToList().IndexOf(apiStarting));
    }

    [Fact]
    public async Task Healthy_condition_waits_for_the_dependency_to_be_ready()
    {
        await using var engine = new RealEngine();
        var readiness = new ManualReadiness("db");
        engine.Run(ConfigOf(engine.Process("db", Forever), engine.Process("api", Forever, On("db", DependencyCondition.Healthy))), readiness);

        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("db", ProcessState.Running);

        var waiting = engine.Snapshot("api");
        Assert.Equal(ProcessState.Waiting, waiting.State);
        Assert.Equal("waiting for db to be healthy", waiting.Reason);
        Assert.DoesNotContain(engine.Events.All.OfType<ProcessStarted>(), s => s.Process == "api");

        readiness.Report("db", ready: true, "accepting connections");

        await engine.Events.WaitForState("api", ProcessState.Ready);
        Assert.Equal("accepting connections", engine.Snapshot("db").Health);
        Assert.Equal(["Pending->Waiting", "Waiting->Starting", "Starting->Running", "Running->Ready"], engine.Events.Path("api"));
    }

    [Fact]
    public async Task Completed_successfully_condition_waits_for_the_job_to_exit_0()
    {
        await using var engine = new RealEngine();
        engine.Run(
            engine.Process("migrate", "while [ ! -e go ]; do sleep 0.05; done\necho migrated\nexit 0") with { Kind = ProcessKind.Job },
            engine.Process("api", Forever, On("migrate", DependencyCondition.CompletedSuccessfully)));

        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("migrate", ProcessState.Ready);
        Assert.Equal(ProcessState.Waiting, engine.Snapshot("api").State);
        Assert.Equal("waiting for migrate to be completed successfully", engine.Snapshot("api").Reason);

        File.WriteAllText(System.IO.Path.Combine(engine.Dir.FullName, "go"), ""); // the job finishes once this exists
        await engine.Events.WaitForState("migrate", ProcessState.Completed);
        await engine.Events.WaitForState("api", ProcessState.Ready);
    }

    [Fact]
    public async Task Dependant_fails_when_its_dependency_fails()
    {
        await using var engine = new RealEngine();
        engine.Run(
            engine.Process("migrate", "echo broken schema >&2\nexit 1") with { Kind = ProcessKind.Job },
            engine.Process("api", Forever, On("migrate", DependencyCondition.CompletedSuccessfully)),
            engine.Process("front", Forever, On("api")));

        await engine.Supervisor.StartAsync();
        var apiFailed = await engine.Events.WaitForState("api", ProcessState.Failed);
        var frontFailed = await engine.Events.WaitForState("front", ProcessState.Failed);

        Assert.Equal(ProcessState.Errored, engine.Snapshot("migrate").State);
        Assert.Equal("dependency migrate failed", apiFailed.Reason);
        Assert.Equal("dependency api failed", frontFailed.Reason);
        Assert.Equal(["migrate"], engine.Events.All.OfType<ProcessStarted>().Select(s => s.Process));
    }

    [Fact]
    public async Task Stop_all_goes_in_reverse_dependency_order()
    {
        await using var engine = new RealEngine();
        engine.Run(
            engine.Process("db", Forever),
            engine.Process("api", Forever, On("db")),
            engine.Process("front", Forever, On("api")));
        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("front", ProcessState.Ready);

        await engine.Supervisor.StopAsync(ProcessTarget.Parse("all"));
        await engine.Events.WaitForState("db", ProcessState.Stopped);

        var order = engine.Events.All.OfType<StateChanged>()
            .Where(c => c.To is ProcessState.Stopping or ProcessState.Stopped)
            .Select(c => $"{c.Process} {c.To}");
        Assert.Equal(
            ["front Stopping", "front Stopped", "api Stopping", "api Stopped", "db Stopping", "db Stopped"],
            order);
    }

    [Fact]
    public async Task Restart_all_brings_dependencies_back_first()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("db", Forever), engine.Process("api", Forever, On("db")));
        await engine.Supervisor.StartAsync();
        await engine.Events.WaitForState("api", ProcessState.Ready);

        await engine.Supervisor.RestartAsync(ProcessTarget.Parse("all"));
        await engine.Events.WaitForState("api", ProcessState.Ready, occurrence: 2);

        var runs = engine.Events.All.OfType<ProcessStarted>().Select(s => $"{s.Process} {s.Run}");
        Assert.Equal(["db 1", "api 1", "db 2", "api 2"], runs);
        Assert.Equal(ProcessState.Ready, engine.Snapshot("db").State);
    }

    [Fact]
    public async Task Starting_a_dependant_starts_a_dependency_without_autostart()
    {
        await using var engine = new RealEngine();
        engine.Run(engine.Process("db", Forever) with { Autostart = false }, engine.Process("api", Forever, On("db")) with { Autostart = false });
        await engine.Supervisor.StartAsync();
        Assert.All(engine.Supervisor.Current, s => Assert.Equal(ProcessState.Pending, s.State));

        await engine.Supervisor.StartAsync(ProcessTarget.Parse("api"));

        await engine.Events.WaitForState("api", ProcessState.Ready);
        Assert.Equal("needed by api", engine.Events.Changes("db").First(c => c.To == ProcessState.Starting).Reason);
    }
}
