// A daemon host: runs a small daemon (this same program, with --daemon) under the manager, ready once its Unix socket
// accepts connections, kept alive by heartbeats, and stopped gracefully on Ctrl-C.
// Run: dotnet run --project samples/DaemonHost   (then press Ctrl-C)
using System.Runtime.InteropServices;
using Tui.Jobs;

if (args is ["--daemon", var listenOn]) return await EchoDaemon.RunAsync(listenOn);

var socketPath = Path.Combine(Path.GetTempPath(), $"daemon-host-{Environment.ProcessId}.sock");
var ctrlC = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
{
    signal.Cancel = true; // the host stops its daemon and ends by itself
    ctrlC.TrySetResult();
});

await using var manager = ProcessManager.Create();
using var events = manager.Events.Subscribe(e =>
{
    var text = e switch
    {
        JobReady => "daemon ready: its socket accepts connections",
        JobStale stale => $"daemon {stale.Text}",
        JobRestarting restart => $"daemon restarting in {restart.Delay.TotalSeconds}s: {restart.Cause}",
        _ => null,
    };
    if (text is not null) Console.WriteLine(text);
});

var daemon = await manager.SpawnAsync(Process.Define("echo-daemon")
    .WithCommand(Self.Program, [.. Self.Arguments, "--daemon", socketPath])
    .AsService()
    .WithRestart(Restart.OnFailure, maxRestarts: 5)
    .WithReadinessSocket(socketPath, interval: TimeSpan.FromMilliseconds(200))
    .WithHeartbeatTimeout(TimeSpan.FromSeconds(3))
    .WithGracePeriod(TimeSpan.FromSeconds(5)));
Console.WriteLine($"daemon pid {daemon.Pid}; press Ctrl-C to stop");

await ctrlC.Task;
Console.WriteLine("Ctrl-C: stopping the daemon");
var exit = await manager.StopAsync(daemon.Id);
Console.WriteLine($"daemon stopped: {exit.Reason}");
return 0;

/// <summary>How to start this program again: its apphost, or dotnet and its dll.</summary>
internal static class Self
{
    public static string Program => Environment.ProcessPath!;

    public static string[] Arguments => Path.GetFileNameWithoutExtension(Program) == "dotnet"
        ? [Path.Combine(AppContext.BaseDirectory, "DaemonHost.dll")]
        : [];
}
