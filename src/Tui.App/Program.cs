using System.CommandLine;
using Tui.App.Commands;

// tui ps is called by scripts and completion, often: it skips the parser (see PsFastPath).
if (PsFastPath.TryRun(args) is { } psExit) return psExit;

return await FullCommandLine(args);

// The command line: one file per command under Commands/, each building its System.CommandLine Command.
// A method of its own, so that the fast path above never loads System.CommandLine.
static async Task<int> FullCommandLine(string[] args)
{
    var root = new RootCommand("Tui: a terminal process supervisor");
    root.Subcommands.Add(CheckCommand.Build());
    root.Subcommands.Add(UpCommand.Build());
    root.Subcommands.Add(HistoryCommand.Build());
    root.Subcommands.Add(PsCommand.Build());
    foreach (var action in ProcessActionCommand.BuildAll()) root.Subcommands.Add(action);
    root.Subcommands.Add(StatusCommand.Build());
    root.Subcommands.Add(LogsCommand.Build());
    root.Subcommands.Add(WaitCommand.Build());
    root.Subcommands.Add(DownCommand.Build());
    root.Subcommands.Add(ReloadCommand.Build());
    root.Subcommands.Add(RunCommand.Build());
    root.Subcommands.Add(SendCommand.Build());
    root.Subcommands.Add(AttachCommand.Build());
    root.Subcommands.Add(ExportCommand.Build());
    root.Subcommands.Add(ServeCommand.Build());
    root.Subcommands.Add(CompletionCommand.Build(root));
    // No response files: "@web" names a group (tui stop @web), not a file of arguments.
    return await root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).InvokeAsync();
}
