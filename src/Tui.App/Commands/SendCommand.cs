using System.CommandLine;
using Tui.Core.Control;
using Tui.Core.Control.Wire;

namespace Tui.App.Commands;

/// <summary>
/// tui send NAME TEXT [--no-newline] -c FILE: writes TEXT and a newline (a line typed and Enter, which a pipe and a
/// terminal both take as the end of a line) to the input of a process of the running instance. The process needs
/// stdin = true or tty = true. Prints nothing and exits 0; 1 when the instance refuses (no stdin, not running, not
/// reading its input), 4 for an unknown process, 69 when nothing runs.
/// </summary>
internal static class SendCommand
{
    public static Command Build()
    {
        var command = new Command("send", "Type a line into a process of a running instance (it needs stdin = true or tty = true)");
        var name = new Argument<string>("NAME") { Description = "The process to write to" };
        var text = new Argument<string>("TEXT") { Description = "What to write; a newline follows unless --no-newline" };
        var noNewline = new Option<bool>("--no-newline", "-n") { Description = "Write TEXT exactly, without the newline" };
        var config = CommonOptions.Config();
        command.Arguments.Add(name);
        command.Arguments.Add(text);
        command.Options.Add(noNewline);
        command.Options.Add(config);
        command.SetAction((parseResult, _) => RunAsync(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(name)!,
            parseResult.GetValue(noNewline) ? parseResult.GetValue(text)! : parseResult.GetValue(text)! + "\n",
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static Task<int> RunAsync(string configPath, string name, string text, TextWriter error) =>
        InstanceCall.RunAsync(ControlOps.Send, configPath, error, async client =>
        {
            var reply = await client.RequestAsync(ControlRequest.Send(name, text));
            return reply.Ok ? CliExit.Ok : InstanceCall.Failure(reply, ControlOps.Send, error);
        });
}
