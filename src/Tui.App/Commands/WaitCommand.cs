using System.CommandLine;
using System.Threading.Channels;
using Tui.Core.Control;
using Tui.Core.Control.Wire;

namespace Tui.App.Commands;

/// <summary>
/// tui wait NAME -c FILE: waits until the process has finished (completed, errored, failed or stopped) and exits with
/// its exit code (128 + N when signal N ended it, 1 when it never ran); 4 for no such process, 69 when nothing runs.
/// A process already finished returns at once.
/// </summary>
internal static class WaitCommand
{
    private static readonly HashSet<string> Finished = ["completed", "errored", "failed", "stopped"];

    /// <summary>The shell's convention for "ended by signal N".</summary>
    private const int SignalExitBase = 128;

    public static Command Build()
    {
        var command = new Command("wait", "Wait for a process of a running instance to finish; exit with its exit code");
        var name = new Argument<string>("NAME") { Description = "The process (usually a job)" };
        var config = CommonOptions.Config();
        command.Arguments.Add(name);
        command.Options.Add(config);
        command.SetAction((parseResult, cancellation) => RunAsync(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(name)!,
            parseResult.InvocationConfiguration.Error,
            cancellation));
        return command;
    }

    public static Task<int> RunAsync(string configPath, string name, TextWriter error, CancellationToken cancellation = default) =>
        InstanceCall.RunAsync("wait", configPath, error, async client =>
        {
            var snapshots = Channel.CreateUnbounded<ProcessInfo>();
            using var subscription = client.Pushes.Subscribe(
                push =>
                {
                    if (push.Push == "snapshot" && push.Processes?.FirstOrDefault(p => p.Name == name) is { } p) snapshots.Writer.TryWrite(p);
                },
                () => snapshots.Writer.TryComplete());
            var subscribed = await client.Ask(ControlOps.Subscribe);
            if (!subscribed.Ok) return InstanceCall.Failure(subscribed, "wait", error);
            var status = await client.Ask(ControlOps.Status, process: name);
            if (!status.Ok) return InstanceCall.Failure(status, "wait", error);
            if (Finished.Contains(status.Processes![0].State)) return ExitCodeOf(status.Processes[0]);
            await foreach (var p in snapshots.Reader.ReadAllAsync(cancellation))
            {
                if (Finished.Contains(p.State)) return ExitCodeOf(p);
            }
            error.WriteLine($"tui wait: the instance stopped before {name} finished");
            return CliExit.NoInstance;
        });

    private static int ExitCodeOf(ProcessInfo p) => p switch
    {
        { ExitCode: { } code } => code,
        { ExitSignal: { } signal } => SignalExitBase + signal,
        { State: "completed" } => CliExit.Ok,
        _ => CliExit.Failed,
    };
}
