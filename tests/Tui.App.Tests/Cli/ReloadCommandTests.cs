using Tui.Core.Supervision;

namespace Tui.App.Tests.Cli;

/// <summary>tui reload, run as the real program against an engine served on its control socket.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReloadCommandTests
{
    private const string TwoServices = """
        [processes.api]
        command = "exec sleep 60"

        [processes.front]
        command = "exec sleep 61"
        """;

    private static async Task<(CliFixture, int Api, int Front)> Running()
    {
        var f = new CliFixture();
        await f.Serve(TwoServices);
        var up = await f.Until(s => s.All(p => p.State.IsAlive()));
        return (f, up.Single(p => p.Name == "api").Pid!.Value, up.Single(p => p.Name == "front").Pid!.Value);
    }

    [Fact]
    public async Task Reload_applies_an_edit_and_restarts_only_the_changed_process()
    {
        var (f, api, front) = await Running();
        await using var _ = f;
        f.WriteConfig(TwoServices.Replace("sleep 60", "sleep 62"));

        var (exit, output, error) = await f.Tui("reload");

        Assert.True(exit == 0, error);
        Assert.Equal("reloaded: api", output.Trim());
        var after = await f.Until(s => s.Single(p => p.Name == "api") is { Pid: { } pid } a && pid != api && a.State.IsAlive());
        Assert.Equal(front, after.Single(p => p.Name == "front").Pid);
    }

    [Fact]
    public async Task Reload_of_an_invalid_config_exits_1_with_its_position_and_changes_nothing()
    {
        var (f, api, front) = await Running();
        await using var _ = f;
        f.WriteConfig(TwoServices + "\nstop_timeout = 5\n"); // front's table: a duration needs a unit

        var (exit, output, error) = await f.Tui("reload");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"{f.ConfigPath}:6:16", error);
        Assert.Equal([api, front], f.Engine.Current.Select(p => p.Pid!.Value));
    }
}
