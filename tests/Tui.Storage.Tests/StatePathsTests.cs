namespace Tui.Storage.Tests;

public sealed class StatePathsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_state_directory_follows_xdg_state_home_then_the_home_default()
    {
        Assert.Equal("/xdg/state/tui", StatePaths.StateDirectory(Env(("XDG_STATE_HOME", "/xdg/state"), ("HOME", "/home/me"))));
        Assert.Equal("/home/me/.local/state/tui", StatePaths.StateDirectory(Env(("HOME", "/home/me"))));
        // The spec says a relative XDG path is invalid and must be ignored.
        Assert.Equal("/home/me/.local/state/tui", StatePaths.StateDirectory(Env(("XDG_STATE_HOME", "state"), ("HOME", "/home/me"))));
    }

    [Fact]
    public void Each_config_file_gets_its_own_database_named_after_it()
    {
        var env = Env(("HOME", "/home/me"));
        var a = StatePaths.HistoryDatabase("/srv/a/processes.toml", environment: env);
        var b = StatePaths.HistoryDatabase("/srv/b/processes.toml", environment: env);

        Assert.NotEqual(a, b);
        Assert.Matches(@"^/home/me/\.local/state/tui/processes-[0-9a-f]{12}\.history\.db$", a);
        Assert.Equal(a, StatePaths.HistoryDatabase("/srv/a/../a/processes.toml", environment: env)); // same file, same history
        Assert.Equal(Path.ChangeExtension(a, null).Replace(".history", "") + ".children", StatePaths.LiveChildren("/srv/a/processes.toml", env));
    }

    [Fact]
    public void Settings_history_wins_and_resolves_against_the_config_folder()
    {
        Assert.Equal("/srv/a/state/h.db", StatePaths.HistoryDatabase("/srv/a/processes.toml", "state/h.db"));
        Assert.Equal("/var/lib/h.db", StatePaths.HistoryDatabase("/srv/a/processes.toml", "/var/lib/h.db"));
    }
}
