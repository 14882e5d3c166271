using System.CommandLine;
using Tui.App.Export.Systemd;
using Tui.Core.Config;

namespace Tui.App.Commands;

/// <summary>
/// tui export systemd [--user] [-o DIR] [--name STACK] -c FILE: writes systemd units for the config's processes
/// (see <see cref="SystemdExporter"/>), prints the files written, and lists on stderr what the units cannot do as
/// Tui would. Exit 0 when written; 1 for an invalid config or a folder that cannot be written; 2 for bad arguments.
/// </summary>
internal static class ExportCommand
{
    public const int ExitWritten = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;

    public static Command Build()
    {
        var export = new Command("export", "Export the configuration for another supervisor");
        var systemd = new Command("systemd", "Write a systemd unit per process, a target per group and one for the stack");
        var user = new Option<bool>("--user") { Description = "Units for systemctl --user (the stack target is wanted by default.target)" };
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the units to", DefaultValueFactory = _ => "." };
        var name = new Option<string?>("--name") { Description = "The stack name in the unit names (tui-STACK-NAME.service); default: the config's folder name" };
        var config = CommonOptions.Config();
        systemd.Options.Add(user);
        systemd.Options.Add(output);
        systemd.Options.Add(name);
        systemd.Options.Add(config);
        systemd.SetAction(parseResult => Run(
            parseResult.GetValue(config) ?? CommonOptions.DefaultConfigFile,
            parseResult.GetValue(user),
            parseResult.GetValue(output) ?? ".",
            parseResult.GetValue(name),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        export.Subcommands.Add(systemd);
        return export;
    }

    public static int Run(string configPath, bool user, string directory, string? stack, TextWriter output, TextWriter error) =>
        Run(configPath, user, directory, stack, ProgramPaths.FromEnvironment(), output, error);

    /// <summary>As <see cref="Run(string, bool, string, string?, TextWriter, TextWriter)"/>, with the PATH that bare program names are looked up in.</summary>
    public static int Run(string configPath, bool user, string directory, string? stack, ProgramPaths programs, TextWriter output, TextWriter error)
    {
        stack ??= DefaultStack(configPath);
        if (string.IsNullOrWhiteSpace(stack))
        {
            error.WriteLine("tui export: --name: the stack name cannot be empty");
            return ExitUsage;
        }

        TuiConfig config;
        try
        {
            config = ConfigLoader.Load(configPath);
        }
        catch (ConfigException e)
        {
            error.WriteLine(e.Errors.IsEmpty ? $"tui export: {e.Message}" : e.Message);
            return ExitFailed;
        }

        var export = SystemdExporter.Export(config, new SystemdExportOptions(stack, user, programs));
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var unit in export.Units)
            {
                var path = Path.Combine(directory, unit.FileName);
                File.WriteAllText(path, unit.Render());
                output.WriteLine(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tui export: cannot write the units to {directory}: {e.Message}");
            return ExitFailed;
        }

        // One line per note: a config value with a newline (a readiness pattern) or an escape code stays visible as such.
        foreach (var note in export.Notes) error.WriteLine($"tui export: {note.Process}: {UnitSyntax.OneLine(note.Text)}");
        return ExitWritten;
    }

    /// <summary>Like a compose project, a stack is named after the folder its config is in.</summary>
    private static string DefaultStack(string configPath) =>
        Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(configPath))) ?? "";
}
