using System.CommandLine;
using Tui.App.Commands;

// The command line: one file per command under Commands/, each building its System.CommandLine Command.
var root = new RootCommand("Tui: a terminal process supervisor");
root.Subcommands.Add(CheckCommand.Build());
root.Subcommands.Add(UpCommand.Build());
root.Subcommands.Add(HistoryCommand.Build());
return await root.Parse(args).InvokeAsync();
