using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Core.Control.Wire;
using Tui.Core.Supervision;

namespace Tui.Core.Tests.Control;

/// <summary>The run op: an ad-hoc job added to a served engine, with real sh children.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunOpTests
{
    private static Task<ControlReply> Run(ControlClient client, string name, string[] argv, string? cwd = null, bool? restart = null) =>
        client.RequestAsync(new ControlRequest(0, ControlOps.Run, Process: name, Argv: argv, Cwd: cwd, Restart: restart)).WaitAsync(ControlFixture.WaitLimit);

    [Fact]
    public async Task Run_adds_a_job_in_the_adhoc_group_that_runs_in_the_clients_folder_and_ends_with_its_exit_code()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", "exec sleep 60", null));
        var folder = f.Real.Dir.CreateSubdirectory("elsewhere").FullName;
        await using var client = await f.Connect();
        var lastLine = f.Engine.Logs.FirstAsync(l => l.Process == "j" && l.Text == "j").Timeout(ControlFixture.WaitLimit).ToTask();

        var reply = await Run(client, "j", ["sh", "-c", "pwd; echo \"$TUI_PROCESS\"; exit 3"], cwd: folder);

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(["j"], reply.Affected);
        var done = await f.Until(s => s.Any(p => p.Name == "j" && p.State == ProcessState.Errored));
        var job = done.Single(p => p.Name == "j");
        Assert.Equal(3, job.LastExit!.Value.Code);
        Assert.Equal("adhoc", job.Group);
        Assert.Equal(ProcessKind.Job, job.Config.Kind);
        Assert.Equal(RestartPolicy.No, job.Config.Restart);
        await lastLine;
        var lines = f.Engine.RecentLogs("j", 100).Where(l => l.Stream != Tui.Core.Logs.LogStream.System).Select(l => l.Text).ToList();
        Assert.Equal([folder, "j"], lines);
        Assert.True(f.Real.Snapshot("api").State.IsAlive());
    }

    [Fact]
    public async Task Run_with_a_name_already_in_use_is_refused_and_changes_nothing()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", "exec sleep 60", null));
        var up = await f.Until(s => s.Single().State.IsAlive());
        await using var client = await f.Connect();

        var reply = await Run(client, "api", ["sleep", "1"]);

        Assert.False(reply.Ok);
        Assert.Equal("a process named \"api\" already exists", reply.Error);
        Assert.Equal(up.Single().Pid, f.Real.Snapshot("api").Pid);
        Assert.Single(f.Engine.Current);
    }

    [Fact]
    public async Task Run_without_a_command_or_with_a_relative_folder_is_refused()
    {
        await using var f = new ControlFixture();
        await f.Serve(null, ("api", "exec sleep 60", null));
        await using var client = await f.Connect();

        var empty = await Run(client, "j", []);
        var relative = await Run(client, "k", ["true"], cwd: "sub");
        var group = await Run(client, "@web", ["true"]);

        Assert.Equal("run j needs a command", empty.Error);
        Assert.Contains("must be absolute", relative.Error);
        Assert.Contains("cannot name a process", group.Error);
        Assert.Single(f.Engine.Current);
    }
}
