using System.CommandLine;

namespace Tui.App.Commands;

/// <summary>tui check: placeholder until its issue lands; it says so instead of pretending.</summary>
internal static class CheckCommand
{
    public static Command Build()
    {
        var command = new Command("check", "Not implemented yet");
        var config = CommonOptions.Config();
        command.Options.Add(config);
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tui check: not implemented yet");
            return 2;
        });
        return command;
    }
}
