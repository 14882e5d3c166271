using System.Collections.Immutable;
using Tui.App.Export.Systemd;
using Tui.Core.Config;

namespace Tui.App.Tests.Export;

/// <summary>Exports config text as if it were /srv/app/processes.toml (so cwd is /srv/app), with an empty parent environment.</summary>
public static class Exports
{
    public const string ConfigPath = "/srv/app/processes.toml";

    internal static SystemdExport Of(string toml, bool user = false, ProgramPaths? programs = null, Func<TuiConfig, TuiConfig>? edit = null,
        string configPath = ConfigPath)
    {
        var config = ConfigLoader.Parse(toml, configPath, new Dictionary<string, string>());
        if (edit is not null) config = edit(config);
        return SystemdExporter.Export(config, new SystemdExportOptions("app", user, programs ?? new ProgramPaths([])));
    }

    internal static string Unit(this SystemdExport export, string fileName) =>
        export.Units.SingleOrDefault(u => u.FileName == fileName)?.Render()
        ?? throw new Xunit.Sdk.XunitException($"no unit {fileName}; the export has {string.Join(", ", export.Units.Select(u => u.FileName))}");

    internal static ImmutableArray<string> Notes(this SystemdExport export, string process) =>
        [.. export.Notes.Where(n => n.Process == process).Select(n => n.Text)];

    /// <summary>The notes of one process, compared as text so that a failure shows them whole.</summary>
    internal static void AssertNotes(this SystemdExport export, string process, params string[] expected) =>
        Assert.Equal(string.Join('\n', expected), string.Join('\n', export.Notes(process)));

    /// <summary>Writes the units to a temporary folder and asserts that systemd-analyze verify finds nothing to say about them.</summary>
    internal static async Task AssertVerifiesAsync(SystemdExport export, bool user = false)
    {
        using var folder = new TempFolder("tui-units-");
        var files = export.Units.Select(u => folder.Write(u.FileName, u.Render())).ToList();
        var (exit, output) = await SystemdAnalyze.VerifyAsync(files, user);
        Assert.True(exit == 0 && output.Length == 0, $"systemd-analyze verify exited {exit}:\n{output}");
    }

    /// <summary>Processes of a config with one of them changed (for keys that this branch's TOML reader does not know).</summary>
    internal static Func<TuiConfig, TuiConfig> With(string name, Func<ProcessConfig, ProcessConfig> change) =>
        config => config with { Processes = [.. config.Processes.Select(p => p.Name == name ? change(p) : p)] };
}
