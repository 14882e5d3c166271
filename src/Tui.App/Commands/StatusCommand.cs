using System.CommandLine;
using Tui.Core.Control;
using Tui.Core.Control.Wire;

namespace Tui.App.Commands;

/// <summary>
/// tui status NAME [--json] -c FILE: one process in detail. Exit 0 when it is running (starting, running, ready, paused,
/// stopping), 3 when it is not, 4 when there is no such process, 69 when nothing runs: like an LSB init script.
/// </summary>
internal static class StatusCommand
{
    private static readonly HashSet<string> Alive = ["starting", "running", "ready", "paused", "stopping"];

    public static Command Build()
    {
        var command = new Command("status", "Show one process of a running instance; the exit code says whether it runs");
        var name = new Argument<string>("NAME") { Description = "The process" };
        var json = new Option<bool>("--json") { Description = "One JSON object" };
        var config = CommonOptions.Config();
        command.Arguments.Add(name);
        command.Options.Add(json);
        command.Options.Add(config);
        command.SetAction((parseResult, _) => RunAsync(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(name)!,
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static Task<int> RunAsync(string configPath, string name, bool json, TextWriter output, TextWriter error) =>
        InstanceCall.RunAsync("status", configPath, error, async client =>
        {
            var reply = await client.Ask(ControlOps.Status, process: name);
            if (!reply.Ok) return InstanceCall.Failure(reply, "status", error);
            var p = reply.Processes![0];
            if (json) output.WriteLine(ControlJson.EncodeProcess(p));
            else Write(p, DateTimeOffset.Now, output);
            return Alive.Contains(p.State) ? CliExit.Ok : CliExit.NotRunning;
        });

    private static void Write(ProcessInfo p, DateTimeOffset now, TextWriter output)
    {
        output.WriteLine($"name:     {p.Name}");
        if (p.Group is not null) output.WriteLine($"group:    {p.Group}");
        output.WriteLine($"kind:     {p.Kind}");
        output.WriteLine($"command:  {p.Command}");
        output.WriteLine($"state:    {p.State} for {ProcessTable.Uptime(now - p.StateSince)}{(p.Reason is { Length: > 0 } r ? $" ({r})" : "")}");
        if (p.Pid is { } pid) output.WriteLine($"pid:      {pid}");
        if (p.StartedAt is { } started && p.Pid is not null) output.WriteLine($"uptime:   {ProcessTable.Uptime(now - started)}");
        output.WriteLine($"restarts: {p.Restarts}");
        if (p.ExitCode is { } code) output.WriteLine($"last exit: code {code}");
        else if (p.ExitSignal is { } signal) output.WriteLine($"last exit: signal {Tui.Core.Processes.Signals.Name(signal)}");
        if (p.NextRestartAt is { } next) output.WriteLine($"restart in: {ProcessTable.Uptime(next - now)}");
        if (p.Health is not null) output.WriteLine($"health:   {p.Health}");
        if (p.Progress is { } progress) output.WriteLine($"progress: {progress:P0}");
        if (p.Status is not null) output.WriteLine($"status:   {p.Status}");
    }
}
