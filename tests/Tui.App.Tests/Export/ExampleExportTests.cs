using System.Runtime.CompilerServices;
using Tui.App.Commands;
using Tui.App.Export.Systemd;
using Tui.App.Tests.Views;

namespace Tui.App.Tests.Export;

/// <summary>The units of the repository's processes.example.toml: as expected (Snapshots/export-example), and valid for systemd.</summary>
public sealed class ExampleExportTests
{
    private static string ExampleConfig([CallerFilePath] string callerFile = "")
    {
        var dir = Path.GetDirectoryName(callerFile);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Tui.sln"))) dir = Path.GetDirectoryName(dir);
        return Path.Combine(dir ?? throw new InvalidOperationException("cannot find the repository from " + callerFile), "processes.example.toml");
    }

    [Fact]
    public void The_example_stack_gives_the_expected_units_line_by_line()
    {
        var export = Exports.Of(File.ReadAllText(ExampleConfig()), configPath: "/srv/app/processes.example.toml");

        Assert.Equal(
        [
            "tui-app-api.service", "tui-app-worker.service", "tui-app-ticker-1.service", "tui-app-ticker-2.service",
            "tui-app-flaky.service", "tui-app-report.service", "tui-app-heartbeat.service", "tui-app-heartbeat.timer",
            "tui-app-web.target", "tui-app-jobs.target", "tui-app.target",
        ], export.Units.Select(u => u.FileName));
        foreach (var unit in export.Units) SnapshotAssert.Matches("export-example/" + unit.FileName, unit.Render());
        Assert.Empty(export.Notes);
    }

    [SystemdAnalyzeFact]
    public async Task The_example_stack_exported_by_the_command_passes_systemd_analyze_verify()
    {
        using var folder = new TempFolder("tui-export-");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = ExportCommand.Run(ExampleConfig(), user: false, folder.Path, "demo", output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var files = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, files.Length);
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var (verifyExit, verifyOutput) = await SystemdAnalyze.VerifyAsync(files);
        Assert.True(verifyExit == 0 && verifyOutput.Length == 0, $"systemd-analyze verify exited {verifyExit}:\n{verifyOutput}");
    }

    [SystemdAnalyzeFact]
    public async Task The_example_stack_as_user_units_passes_systemd_analyze_verify_user()
    {
        var export = Exports.Of(File.ReadAllText(ExampleConfig()), user: true);
        Assert.Contains("WantedBy=default.target\n", export.Unit("tui-app.target"));
        await Exports.AssertVerifiesAsync(export, user: true);
    }
}
