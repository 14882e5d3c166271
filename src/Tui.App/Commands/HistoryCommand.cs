using System.CommandLine;
using Tui.Core.Config;
using Tui.Storage;
using Tui.Storage.Reading;
using Tui.Storage.Reports;

namespace Tui.App.Commands;

/// <summary>
/// tui history [NAME] [--since 1h] [--json] -c FILE: the runs recorded in the history database of FILE (exit codes,
/// signals, reasons), as a table or one JSON array. No history yet: a note, exit 0. Unreadable database: exit 1.
/// </summary>
internal static class HistoryCommand
{
    public const int ExitUsage = 2;

    public static Command Build()
    {
        var command = new Command("history", "Show the recorded runs of the processes of a configuration");
        var name = new Argument<string?>("NAME") { Description = "Only this process", Arity = ArgumentArity.ZeroOrOne };
        var since = new Option<string?>("--since") { Description = "Only runs alive in this last stretch of time: 30m, 1h, 2d, 1h30m" };
        var json = new Option<bool>("--json") { Description = "One JSON array of runs instead of a table" };
        var config = CommonOptions.Config();
        command.Arguments.Add(name);
        command.Options.Add(since);
        command.Options.Add(json);
        command.Options.Add(config);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(name),
            parseResult.GetValue(since),
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string configPath, string? process, string? sinceText, bool json, TextWriter output, TextWriter error)
    {
        TimeSpan? since = null;
        if (sinceText is not null)
        {
            if (!AgeText.TryParse(sinceText, out var age))
            {
                error.WriteLine($"tui history: --since: expected {AgeText.Expected}, got '{sinceText}'");
                return ExitUsage;
            }
            since = age;
        }
        return HistoryReport.Run(DatabaseFor(configPath, error), configPath, process, since, json,
            DateTimeOffset.Now, TimeZoneInfo.Local, output, error);
    }

    /// <summary>
    /// The database the engine writes for this config: settings.history when the config says so, else the default.
    /// A config with errors still has a history, so its default location is read (with a note on stderr).
    /// </summary>
    private static string DatabaseFor(string configPath, TextWriter error)
    {
        if (File.Exists(configPath))
        {
            try
            {
                return StatePaths.HistoryDatabase(ConfigLoader.Load(configPath));
            }
            catch (ConfigException)
            {
                error.WriteLine($"tui history: {configPath} has errors (see tui check); reading the default history location");
            }
        }
        return StatePaths.HistoryDatabase(configPath);
    }
}
