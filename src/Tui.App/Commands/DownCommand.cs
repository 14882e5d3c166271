using System.CommandLine;
using Tui.Core.Control;

namespace Tui.App.Commands;

/// <summary>
/// tui down -c FILE: the running instance stops every process (reverse dependency order, SIGKILL after
/// shutdown_timeout) and exits; returns when it has. Exit 0, or 69 when nothing runs.
/// </summary>
internal static class DownCommand
{
    public static Command Build() =>
        CommonOptions.ConfigOnlyCommand("down", "Stop every process of a running instance, and the instance", RunAsync);

    public static Task<int> RunAsync(string configPath, TextWriter output, TextWriter error) =>
        InstanceCall.RunAsync("down", configPath, error, async client =>
        {
            var hello = await client.Ask(ControlOps.Hello);
            var reply = await client.Ask(ControlOps.Down);
            if (!reply.Ok) return InstanceCall.Failure(reply, "down", error);
            // The instance closes its socket only after its last child is gone.
            await client.Closed;
            output.WriteLine($"stopped {hello.Server?.Mode ?? "instance"} {hello.Server?.Pid}");
            return CliExit.Ok;
        });
}
