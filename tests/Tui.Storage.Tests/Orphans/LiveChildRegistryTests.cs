using System.Reactive.Subjects;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Storage.Orphans;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Orphans;

public sealed class LiveChildRegistryTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private string RegistryPath => _dir.File("state", "processes.children");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_started_child_is_on_file_at_once_with_its_group_and_start_time_and_leaves_it_on_exit()
    {
        using var api = SessionChild.Sleeper();
        var events = new Subject<SupervisorEvent>();
        using var registry = new LiveChildRegistry(RegistryPath);
        using var _ = registry.Attach(events);

        events.OnNext(new ProcessStarted(DateTimeOffset.UtcNow, "api", api.Pid, 1));

        var onFile = LiveChildFile.Read(RegistryPath)!;
        Assert.Equal(ProcessIdentity.Current(), onFile.Owner);
        Assert.Equal([new LiveChild("api", api.Pid, api.Pid, api.Identity.StartTicks)], onFile.Children);

        events.OnNext(new ProcessExited(DateTimeOffset.UtcNow, "api", api.Pid, new ExitStatus(0, null), TimeSpan.FromSeconds(1)));

        Assert.Empty(LiveChildFile.Read(RegistryPath)!.Children);
        Assert.Empty(registry.Children);
    }

    [Fact]
    public void A_clean_end_removes_the_file_and_an_unclean_one_keeps_it()
    {
        using var api = SessionChild.Sleeper();
        var clean = new LiveChildRegistry(RegistryPath);
        Assert.True(File.Exists(RegistryPath));
        clean.Dispose();
        Assert.False(File.Exists(RegistryPath));

        var unclean = new LiveChildRegistry(RegistryPath);
        unclean.Add("api", api.Pid);
        unclean.Dispose(); // a child is still recorded: the next Tui must see it
        Assert.Single(LiveChildFile.Read(RegistryPath)!.Children);
    }

    [Fact]
    public void A_child_already_gone_is_not_recorded()
    {
        var api = SessionChild.Sleeper();
        var pid = api.Pid;
        api.Dispose();
        using var registry = new LiveChildRegistry(RegistryPath);

        Assert.False(registry.Add("api", pid));
        Assert.Empty(LiveChildFile.Read(RegistryPath)!.Children);
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_reported_once_and_never_throws()
    {
        File.WriteAllText(_dir.File("blocker"), "a file where the state folder should be");
        var path = Path.Combine(_dir.File("blocker"), "processes.children");
        using var api = SessionChild.Sleeper();
        var problems = new List<string>();

        using var registry = new LiveChildRegistry(path);
        using var subscription = registry.Problems.Subscribe(problems.Add);
        Assert.True(registry.Add("api", api.Pid));
        registry.Remove(api.Pid);

        var problem = Assert.Single(problems);
        Assert.StartsWith(LiveChildRegistry.WriteFailedPrefix + path, problem);
    }
}
