using System.CommandLine;
using Tui.Core.Control;

namespace Tui.App.Commands;

/// <summary>
/// tui start|stop|restart|pause|resume NAME|@GROUP|all -c FILE: one command to a running instance. Prints the
/// processes it acted on; exit 0, or 1 with the reason (unknown name or group), or 69 when nothing runs.
/// </summary>
internal static class ProcessActionCommand
{
    public static IEnumerable<Command> BuildAll() =>
    [
        Build(ControlOps.Start, "Start processes of a running instance"),
        Build(ControlOps.Stop, "Stop processes of a running instance (they stay stopped)"),
        Build(ControlOps.Restart, "Restart processes of a running instance"),
        Build(ControlOps.Pause, "Pause processes of a running instance (SIGSTOP to their groups)"),
        Build(ControlOps.Resume, "Resume paused processes (SIGCONT)"),
    ];

    private static Command Build(string op, string description)
    {
        var command = new Command(op, description);
        var target = new Argument<string>("TARGET") { Description = "NAME, @GROUP or all" };
        var config = CommonOptions.Config();
        command.Arguments.Add(target);
        command.Options.Add(config);
        command.SetAction((parseResult, _) => RunAsync(op,
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(target)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static Task<int> RunAsync(string op, string configPath, string target, TextWriter output, TextWriter error) =>
        InstanceCall.RunAsync(op, configPath, error, async client =>
        {
            var reply = await client.Ask(op, target: target);
            if (!reply.Ok)
            {
                error.WriteLine($"tui {op}: {reply.Error}");
                return CliExit.Failed;
            }
            foreach (var name in reply.Affected ?? []) output.WriteLine($"{op} {name}");
            return CliExit.Ok;
        });
}
