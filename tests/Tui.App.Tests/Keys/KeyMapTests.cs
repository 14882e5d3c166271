using Tui.App.Keys;

namespace Tui.App.Tests.Keys;

public class KeyMapTests
{
    [Fact]
    public void Every_action_has_a_default_key_and_no_two_share_one()
    {
        var map = KeyMap.Default;
        foreach (var info in ActionCatalog.All)
            Assert.NotEmpty(map.KeysFor(info.Action));
        int defaults = ActionCatalog.All.Sum(a => a.DefaultKeys.Count);
        int bound = ActionCatalog.All.Sum(a => map.KeysFor(a.Action).Length);
        Assert.Equal(defaults, bound);
        Assert.Empty(map.Problems);
    }

    [Fact]
    public void The_documented_keys_are_the_defaults()
    {
        var map = KeyMap.Default;
        Assert.Equal(ShellAction.Stop, map.Lookup(KeyChord.Of('x')));
        Assert.Equal(ShellAction.GroupRestart, map.Lookup(KeyChord.Of('R')));
        Assert.Equal(ShellAction.Help, map.Lookup(KeyChord.Of(KeyCode.F1)));
        Assert.Equal(ShellAction.Filter, map.Lookup(KeyChord.Of('\\')));
        Assert.Equal(ShellAction.Timestamps, map.Lookup(KeyChord.Of('T')));
        Assert.Equal(ShellAction.Theme, map.Lookup(KeyChord.Of('t')));
        Assert.Equal("?", map.Label(ShellAction.Help));
    }

    [Fact]
    public void A_user_binding_replaces_the_defaults_and_takes_the_key_from_another_action()
    {
        var map = KeyMap.Create(new Dictionary<string, string> { ["restart"] = "x", ["stop"] = "ctrl+x" });
        Assert.Equal(ShellAction.Restart, map.Lookup(KeyChord.Of('x')));
        Assert.Null(map.Lookup(KeyChord.Of('r')));
        Assert.Equal(ShellAction.Stop, map.Lookup(KeyChord.Of('x', KeyModifiers.Ctrl)));
        Assert.Empty(map.Problems);
    }

    [Fact]
    public void Unknown_actions_and_unreadable_keys_are_reported_and_the_rest_applies()
    {
        var map = KeyMap.Create(new Dictionary<string, string> { ["explode"] = "e", ["stop"] = "ctrl+", ["start"] = "F5" });
        Assert.Equal(2, map.Problems.Length);
        Assert.Contains(map.Problems, p => p.Contains("unknown action 'explode'"));
        Assert.Contains(map.Problems, p => p.Contains("stop = \"ctrl+\": not a key"));
        Assert.Equal(ShellAction.Start, map.Lookup(KeyChord.Of(KeyCode.F5)));
        Assert.Equal(ShellAction.Stop, map.Lookup(KeyChord.Of('x')));
    }

    [Fact]
    public void Two_actions_bound_to_one_key_are_reported()
    {
        var map = KeyMap.Create(new Dictionary<string, string> { ["start"] = "F5", ["stop"] = "F5" });
        Assert.Single(map.Problems);
        Assert.Equal(ShellAction.Start, map.Lookup(KeyChord.Of(KeyCode.F5)));
    }

    [Fact]
    public void Action_names_accept_dashes()
    {
        var map = KeyMap.Create(new Dictionary<string, string> { ["group-stop"] = "F9" });
        Assert.Equal(ShellAction.GroupStop, map.Lookup(KeyChord.Of(KeyCode.F9)));
    }
}
