using System.Reactive;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Control.Client;
using Tui.Core.Logs;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Control;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RemoteSupervisorTests
{
    [Fact]
    public async Task The_remote_client_shows_the_same_snapshots_and_rings_as_the_engine()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", "echo one; echo two; exec sleep 60", "web"), ("job", "echo done; exit 3", null));
        // Re-checked on every snapshot and every log line: the job can reach its final state before api's
        // "two" is in the ring, and no further snapshot would then come to re-evaluate the condition.
        await f.Engine.Snapshots.Select(_ => Unit.Default).Merge(f.Engine.Logs.Select(_ => Unit.Default))
            .Where(_ => f.Engine.Current.Single(p => p.Name == "job").State is ProcessState.Errored or ProcessState.Completed or ProcessState.Failed or ProcessState.Stopped
                && f.Engine.RecentLogs("api", 10).Any(l => l.Text == "two"))
            .FirstAsync().Timeout(ControlFixture.WaitLimit).ToTask();

        await using var remote = await RemoteSupervisor.ConnectAsync(f.SocketPath, _ => null);
        var seen = await ControlFixture.Until(remote, s => s.Length == 2);

        var local = f.Engine.Current;
        Assert.Equal(local.Select(s => (s.Name, s.State, s.Pid, s.Group, s.LastExit)), seen.Select(s => (s.Name, s.State, s.Pid, s.Group, s.LastExit)));
        Assert.Equal(f.Engine.RecentLogs("api", 100).Select(l => (l.Sequence, l.Text)), remote.RecentLogs("api", 100).Select(l => (l.Sequence, l.Text)));
        Assert.Equal(3, remote.Current.Single(s => s.Name == "job").LastExit!.Value.Code);
    }

    [Fact]
    public async Task Commands_go_to_the_engine_and_their_events_come_back()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", "echo hi; exec sleep 60", null));
        await f.Until(s => s.Single().State.IsAlive());
        await using var remote = await RemoteSupervisor.ConnectAsync(f.SocketPath, _ => null);
        var stopped = remote.Events.OfType<StateChanged>().Where(c => c.Process == "api" && c.To == ProcessState.Stopped)
            .FirstAsync().Timeout(ControlFixture.WaitLimit).ToTask();

        var result = await remote.StopAsync(new ProcessTarget.One("api"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal(["api"], result.Affected);
        await stopped;
        Assert.Equal(ProcessState.Stopped, f.Real.Snapshot("api").State);
    }

    [Fact]
    public async Task Log_lines_written_after_attaching_arrive_on_the_stream_and_in_the_ring()
    {
        await using var f = new ControlFixture();
        var trigger = Path.Combine(f.Real.Dir.FullName, "go");
        await f.Serve(null, ("api", $"while [ ! -e '{trigger}' ]; do sleep 0.05; done; echo after; exec sleep 60", null));
        await f.Until(s => s.Single().State.IsAlive());
        await using var remote = await RemoteSupervisor.ConnectAsync(f.SocketPath, _ => null);
        var line = remote.Logs.Where(l => l.Text == "after").FirstAsync().Timeout(ControlFixture.WaitLimit).ToTask();

        File.WriteAllText(trigger, "");

        Assert.Equal(LogStream.Stdout, (await line).Stream);
        Assert.Contains(remote.RecentLogs("api", 10), l => l.Text == "after");
    }

    [Fact]
    public async Task Losing_the_instance_completes_Disconnected_and_commands_fail_with_a_reason()
    {
        await using var f = new ControlFixture();
        var server = await f.Serve(null, ("api", "exec sleep 60", null));
        await using var remote = await RemoteSupervisor.ConnectAsync(f.SocketPath, _ => null);

        await server.DisposeAsync();

        await remote.Disconnected.WaitAsync(ControlFixture.WaitLimit);
        var result = await remote.StartAsync(new ProcessTarget.All());
        Assert.False(result.Ok);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }
}
