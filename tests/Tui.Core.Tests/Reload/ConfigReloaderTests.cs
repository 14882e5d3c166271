using Tui.Core.Config;
using Tui.Core.Reload;

namespace Tui.Core.Tests.Reload;

public sealed class ConfigReloaderTests : IDisposable
{
    private readonly ConfigFile _file = new();

    public void Dispose() => _file.Dispose();

    private const string Original = """
        [processes.api]
        command = "serve api"

        [processes.worker]
        command = "work"
        """;

    [Fact]
    public async Task A_valid_edit_is_applied_with_its_difference()
    {
        var target = new FakeReloadTarget(_file.Load(Original));
        var reloader = new ConfigReloader(target, ConfigLoader.Load);
        TuiConfig? announced = null;
        reloader.Reloaded += c => announced = c;
        _file.Write("""
            [processes.api]
            command = "serve api --verbose"

            [processes.worker]
            command = "work"

            [processes.mail]
            command = "mail"
            """);

        var result = await reloader.ReloadAsync();

        Assert.True(result.Applied);
        Assert.Equal(["mail"], result.Diff!.Added.AsEnumerable());
        Assert.Equal(["api"], result.Diff.Changed.AsEnumerable());
        Assert.Equal(["worker"], result.Diff.Unchanged.AsEnumerable());
        Assert.Equal("reloaded: 1 added, 0 removed, 1 changed", result.Summary);
        Assert.Same(target.Config, announced);
        Assert.Empty(target.Errors);
    }

    [Fact]
    public async Task An_invalid_edit_changes_nothing_and_reports_file_line_and_column()
    {
        var original = _file.Load(Original);
        var target = new FakeReloadTarget(original);
        var reloader = new ConfigReloader(target, ConfigLoader.Load);
        _file.Write("""
            [processes.api]
            command = "serve api"
            restart = "sometimes"
            """);

        var result = await reloader.ReloadAsync();

        Assert.False(result.Applied);
        Assert.Same(original, target.Config);
        Assert.Empty(target.Applied);
        var error = Assert.Single(target.Errors);
        Assert.Contains($"{_file.Path}:3:11", error);
        Assert.Contains("restart", error);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public async Task A_deleted_config_file_is_reported_and_changes_nothing()
    {
        var target = new FakeReloadTarget(_file.Load(Original));
        var reloader = new ConfigReloader(target, ConfigLoader.Load);
        File.Delete(_file.Path);

        var result = await reloader.ReloadAsync();

        Assert.Equal($"{_file.Path}: no such file", result.Error);
        Assert.Equal([result.Error!], target.Errors);
        Assert.Empty(target.Applied);
    }
}
