using System.CommandLine;
using Tui.Core.Control;

namespace Tui.App.Commands;

/// <summary>
/// tui reload -c FILE: the running instance re-reads its config and applies what changed (added processes start,
/// removed ones stop, changed ones restart, the others keep running). An invalid config changes nothing: its errors
/// (file:line:col) go to stderr and the exit is 1. Exit 69 when nothing runs.
/// </summary>
internal static class ReloadCommand
{
    public static Command Build() =>
        CommonOptions.ConfigOnlyCommand("reload", "Re-read the config of a running instance and apply what changed", RunAsync);

    public static Task<int> RunAsync(string configPath, TextWriter output, TextWriter error) =>
        InstanceCall.RunAsync("reload", configPath, error, async client =>
        {
            var reply = await client.Ask(ControlOps.Reload);
            if (!reply.Ok)
            {
                error.WriteLine(reply.Error);
                return CliExit.Failed;
            }
            var affected = reply.Affected ?? [];
            output.WriteLine(affected.Count == 0 ? "reloaded: nothing to restart" : $"reloaded: {string.Join(", ", affected)}");
            return CliExit.Ok;
        });
}
