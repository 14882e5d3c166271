using System.CommandLine;
using Tui.Core.Control;
using Tui.Core.Control.Wire;
using Tui.Core.Supervision;

namespace Tui.App.Commands;

/// <summary>
/// tui run --name NAME [--restart] -c FILE -- CMD ARGS...: adds an ad-hoc job to the running instance (TUI or
/// daemon) and starts it, in this shell's folder, with the config's global env, in group "adhoc"; its runs go into
/// the history like any other. Prints the name and pid and exits 0; tui wait NAME then waits for it. Exit 1 when the
/// name is taken (or the command cannot start), 69 when nothing runs.
/// </summary>
internal static class RunCommand
{
    public static Command Build()
    {
        var command = new Command("run", "Add a job to a running instance and start it (tui run --name NAME -- CMD ARGS...)");
        var name = new Option<string>("--name", "-n") { Description = "The job's name (unique in the instance)", Required = true };
        var restart = new Option<bool>("--restart") { Description = "Restart it when it fails (restart = \"on-failure\"); otherwise it runs once" };
        var argv = new Argument<string[]>("COMMAND") { Description = "The program and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var config = CommonOptions.Config();
        command.Options.Add(name);
        command.Options.Add(restart);
        command.Options.Add(config);
        command.Arguments.Add(argv);
        command.SetAction((parseResult, _) => RunAsync(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(name)!,
            parseResult.GetValue(argv)!,
            parseResult.GetValue(restart),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static Task<int> RunAsync(string configPath, string name, string[] argv, bool restart, TextWriter output, TextWriter error) =>
        InstanceCall.RunAsync("run", configPath, error, async client =>
        {
            var reply = await client.RequestAsync(ControlRequest.Run(new AdHocJob(name, [.. argv], Environment.CurrentDirectory, restart)));
            if (!reply.Ok)
            {
                error.WriteLine($"tui run: {reply.Error}");
                return CliExit.Failed;
            }
            // The pid as the instance knows it now; a job quick enough to be done already still shows its last pid.
            var status = await client.Ask(ControlOps.Status, process: name);
            var pid = status.Ok ? status.Processes![0].Pid : null;
            output.WriteLine(pid is { } p ? $"{name} started, pid {p}" : $"{name} added ({status.Processes?[0].State ?? "unknown"})");
            return CliExit.Ok;
        });
}
