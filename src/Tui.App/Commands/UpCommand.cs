using System.CommandLine;

namespace Tui.App.Commands;

/// <summary>tui up: placeholder until its issue lands; it says so instead of pretending.</summary>
internal static class UpCommand
{
    public static Command Build()
    {
        var command = new Command("up", "Not implemented yet");
        var config = CommonOptions.Config();
        command.Options.Add(config);
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("tui up: not implemented yet");
            return 2;
        });
        return command;
    }
}
