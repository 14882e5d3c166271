using Tui.Core.Processes;
using Tui.Storage.Orphans;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Orphans;

/// <summary>Real processes in their own sessions, recorded as a Tui that was then killed would have left them.</summary>
public sealed class OrphanFinderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string RegistryPath => _dir.File("processes.children");

    /// <summary>A Tui that is gone: our own pid, but a start time no process with it has now.</summary>
    private static readonly ProcessIdentity DeadOwner = new(Environment.ProcessId, StartTicks: 1);

    public void Dispose() => _dir.Dispose();

    private void RecordChildrenOfDeadTui(params (string Name, SessionChild Child)[] children)
    {
        // The registry is left undisposed with children in it: the file stays, as after a crash.
        var registry = new LiveChildRegistry(RegistryPath, DeadOwner);
        foreach (var (name, child) in children) Assert.True(registry.Add(name, child.Pid));
    }

    [Fact]
    public void A_child_left_by_a_killed_tui_is_found_and_stopped_with_sigterm()
    {
        using var api = SessionChild.Sleeper();
        RecordChildrenOfDeadTui(("api", api));
        var finder = new OrphanFinder(RegistryPath);

        var survivor = Assert.Single(finder.FindSurvivors());
        Assert.Equal(new LiveChild("api", api.Pid, api.Pid, api.Identity.StartTicks), survivor);
        Assert.False(finder.OwnerStillRunning);

        var stop = Assert.Single(finder.StopSurvivors());
        Assert.Equal(StopOutcome.Terminated, stop.Outcome);
        Assert.Equal(128 + Signals.SIGTERM, api.WaitForExit());
    }

    [Fact]
    public void A_child_that_ignores_sigterm_is_killed_after_the_timeout()
    {
        using var stubborn = SessionChild.StubbornSleeper();
        using var polite = SessionChild.Sleeper();
        RecordChildrenOfDeadTui(("stubborn", stubborn), ("polite", polite));

        var stops = new OrphanFinder(RegistryPath).StopSurvivors(TimeSpan.FromMilliseconds(300));

        Assert.Equal(
            [("polite", StopOutcome.Terminated), ("stubborn", StopOutcome.Killed)],
            stops.Select(s => (s.Child.Process, s.Outcome)).OrderBy(s => s.Process));
        Assert.Equal(128 + Signals.SIGKILL, stubborn.WaitForExit());
        Assert.Equal(128 + Signals.SIGTERM, polite.WaitForExit());
    }

    [Fact]
    public void A_reused_pid_is_never_touched()
    {
        using var stranger = SessionChild.Sleeper();
        // The record names the stranger's pid with another start time: the pid was reused since the record was made.
        LiveChildFile.Write(RegistryPath, DeadOwner, [new LiveChild("api", stranger.Pid, stranger.Pid, stranger.Identity.StartTicks - 1)]);
        var finder = new OrphanFinder(RegistryPath);

        Assert.Empty(finder.FindSurvivors());
        Assert.Empty(finder.StopSurvivors(TimeSpan.FromMilliseconds(100)));

        Assert.True(stranger.Identity.IsAlive);
        Assert.False(stranger.HasExited);
    }

    [Fact]
    public void The_whole_group_of_a_survivor_is_stopped_grandchildren_included()
    {
        using var shell = SessionChild.Start("sleep 300 & wait");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (ProcessGroup.LiveMembers(shell.Pid).Count < 2 && DateTime.UtcNow < deadline) Thread.Yield(); // the fork is not an event we can await
        var grandchild = Assert.Single(ProcessGroup.LiveMembers(shell.Pid), pid => pid != shell.Pid);
        RecordChildrenOfDeadTui(("shell", shell));

        var stop = Assert.Single(new OrphanFinder(RegistryPath).StopSurvivors());

        Assert.Equal(StopOutcome.Terminated, stop.Outcome);
        Assert.NotNull(shell.WaitForExit());
        Assert.False(ProcessGroup.IsAlive(shell.Pid)); // "terminated" means the whole group is gone
        Assert.False(ProcStatFile.TryRead(grandchild) is { IsLive: true });
    }

    [Fact]
    public void Children_of_a_tui_that_still_runs_are_not_orphans()
    {
        using var api = SessionChild.Sleeper();
        var registry = new LiveChildRegistry(RegistryPath); // owned by this test process, which is alive
        registry.Add("api", api.Pid);
        var finder = new OrphanFinder(RegistryPath);

        Assert.Empty(finder.FindSurvivors());
        Assert.True(finder.OwnerStillRunning);
        Assert.Empty(finder.StopSurvivors(TimeSpan.FromMilliseconds(100)));
        Assert.False(api.HasExited);
    }

    [Fact]
    public void A_child_that_exited_since_is_not_a_survivor()
    {
        var api = SessionChild.Sleeper();
        RecordChildrenOfDeadTui(("api", api));
        api.Dispose(); // killed and reaped

        Assert.Empty(new OrphanFinder(RegistryPath).FindSurvivors());
    }

    [Fact]
    public void No_file_means_no_survivors()
    {
        var finder = new OrphanFinder(RegistryPath);
        Assert.Empty(finder.FindSurvivors());
        Assert.Empty(finder.StopSurvivors());
    }
}
