using System.CommandLine;
using Tui.Core.Config;

namespace Tui.App.Commands;

/// <summary>
/// tui check -c FILE: loads and validates a config without running anything. Valid: a short summary on stdout,
/// exit 0. Invalid: every error (file:line:col, the line, a caret) on stderr, exit 1.
/// </summary>
internal static class CheckCommand
{
    public const int ExitValid = 0;
    public const int ExitInvalid = 1;

    /// <summary>Long shell lines are cut so the summary keeps one line per process on a normal terminal.</summary>
    public const int MaxCommandWidth = 60;

    public static Command Build() =>
        CommonOptions.ConfigOnlyCommand("check", "Validate a configuration file and summarise its processes",
            (config, output, error) => Task.FromResult(Run(config, output, error)));

    public static int Run(string path, TextWriter output, TextWriter error)
    {
        TuiConfig config;
        try
        {
            config = ConfigLoader.Load(path);
        }
        catch (ConfigException e)
        {
            if (e.Errors.IsEmpty)
            {
                error.WriteLine($"tui check: {e.Message}");
                return ExitInvalid;
            }
            foreach (var problem in e.Errors)
            {
                error.WriteLine(problem.Message);
                error.WriteLine();
            }
            error.WriteLine($"{path}: {Count(e.Errors.Length, "error")}");
            return ExitInvalid;
        }

        WriteSummary(config, output);
        return ExitValid;
    }

    private static void WriteSummary(TuiConfig config, TextWriter output)
    {
        var groups = config.Processes.Select(p => p.Group).OfType<string>().Distinct().ToList();
        var groupText = groups.Count == 0 ? "" : $" in {Count(groups.Count, "group")} ({string.Join(", ", groups)})";
        output.WriteLine($"{config.SourcePath}: OK, {Count(config.Processes.Length, "process", "processes")}{groupText}");

        string[] header = ["NAME", "GROUP", "KIND", "RESTART", "COMMAND"];
        var rows = config.Processes.Select(p => new[]
        {
            p.Name,
            p.Group ?? "-",
            p.Kind == ProcessKind.Job ? "job" : "service",
            RestartText(p.Restart) + (p.Disabled ? " (disabled)" : ""),
            Shorten(p.Command.Display),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length - 1)
            .Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            var cells = row.Take(header.Length - 1).Select((cell, c) => cell.PadRight(widths[c])).Append(row[^1]);
            output.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }

    private static string RestartText(RestartPolicy restart) => restart switch
    {
        RestartPolicy.Always => "always",
        RestartPolicy.OnFailure => "on-failure",
        _ => "no",
    };

    private static string Shorten(string command)
    {
        var oneLine = command.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxCommandWidth ? oneLine : oneLine[..(MaxCommandWidth - 1)] + "…";
    }

    private static string Count(int n, string singular, string? plural = null) =>
        $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";
}
