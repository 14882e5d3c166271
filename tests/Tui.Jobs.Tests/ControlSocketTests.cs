using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Core.Control.Wire;
using Tui.Jobs.Tests.Support;

namespace Tui.Jobs.Tests;

/// <summary>
/// A code-driven manager that serves the control socket is an instance like <c>tui up</c>'s: what <c>tui ps</c> and
/// <c>tui stop</c> send reaches its processes. Spoken to with the client the tui commands use.
/// </summary>
public sealed class ControlSocketTests
{
    [Fact]
    public async Task Tui_ps_and_stop_over_the_control_socket_see_and_steer_jobs_spawned_from_code()
    {
        await using var jobs = new JobsHarness(o => o.WithName($"control-{Guid.NewGuid():N}").WithControlSocket());
        var handle = await jobs.Manager.SpawnAsync(jobs.Script("worker", "exec sleep 1000"));
        Assert.NotNull(jobs.Manager.ControlSocketPath);

        await using var client = await ControlClient.ConnectAsync(jobs.Manager.ControlSocketPath!);
        var ps = await client.RequestAsync(new ControlRequest(0, ControlOps.Ps, null, null, null, null, null, null));
        var worker = Assert.Single(ps.Processes!);
        Assert.Equal(("worker", handle.Pid), (worker.Name, worker.Pid));

        var stop = await client.RequestAsync(new ControlRequest(0, ControlOps.Stop, "worker", null, null, null, null, null));
        Assert.True(stop.Ok, stop.Error);
        var exit = await jobs.Manager.WaitAsync("worker").WaitAsync(JobsHarness.Patience);
        Assert.Equal((JobState.Stopped, "user stop: signal SIGTERM"), (exit.State, exit.Reason));
    }

    [Fact]
    public async Task A_second_manager_of_the_same_name_is_refused_the_socket_and_the_first_keeps_it()
    {
        var name = $"control-{Guid.NewGuid():N}";
        await using var first = new JobsHarness(o => o.WithName(name).WithControlSocket());
        var dir = first.Dir.FullName;
        var error = Assert.Throws<JobException>(() => ProcessManager.Create(o => o.WithName(name).WithWorkingDirectory(dir).WithControlSocket()));
        Assert.Contains(name, error.Message);
        await using var client = await ControlClient.ConnectAsync(first.Manager.ControlSocketPath!);
        Assert.True((await client.RequestAsync(new ControlRequest(0, ControlOps.Ps, null, null, null, null, null, null))).Ok);
    }
}
