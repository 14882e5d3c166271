using Tui.App.Keys;
using Tui.App.Palette;
using Tui.App.Shell;
using static Tui.App.Tests.Shell.ReducerFixture;

namespace Tui.App.Tests.Palette;

public class PaletteSearchTests
{
    private static IEnumerable<string> Texts(string query, AppState? state = null) =>
        PaletteSearch.Results(state ?? Stack(), query).Select(r => $"{r.Entry.Kind} {r.Entry.Label}");

    [Fact]
    public void Every_action_but_the_palette_itself_and_every_group_and_process_is_an_entry()
    {
        var entries = PaletteSearch.Entries(Stack());
        var actions = entries.Select(e => e.Target).OfType<PaletteTarget.Action>().Select(a => a.Value).ToList();
        Assert.Equal(ActionCatalog.All.Select(a => a.Action).Where(a => a != ShellAction.Palette), actions);
        Assert.Equal(["web", "jobs"], entries.Select(e => e.Target).OfType<PaletteTarget.Group>().Select(g => g.Name));
        Assert.Equal(["db", "api", "front", "train"], entries.Select(e => e.Target).OfType<PaletteTarget.Process>().Select(p => p.Name));
    }

    [Fact]
    public void An_action_shows_its_current_keys_as_bound_in_keys()
    {
        var rebound = Stack(keys: KeyMap.Create(new Dictionary<string, string> { ["restart"] = "F5" }));
        var restart = PaletteSearch.Entries(rebound).Single(e => e.Label == "restart");
        Assert.Equal("F5", restart.Keys);
        Assert.Equal("F \\", PaletteSearch.Entries(Stack()).Single(e => e.Label == "filter").Keys);
    }

    [Fact]
    public void The_best_match_ranks_first()
    {
        Assert.Equal("action restart", Texts("restart").First());
        Assert.Equal("process front", Texts("fro").First());
        Assert.Equal("group web", Texts("web").First());
        Assert.Equal("action group restart", Texts("grr").First());
    }

    [Fact]
    public void A_process_is_found_by_its_state_and_its_group_too()
    {
        var results = Texts("web running").ToList();
        Assert.Contains("process api", results);
        Assert.Contains("process front", results);
        Assert.DoesNotContain("process db", results);
    }

    [Fact]
    public void An_empty_query_keeps_every_entry_in_order_and_equal_scores_put_the_shorter_text_first()
    {
        var all = PaletteSearch.Entries(Stack());
        Assert.Equal(all.Select(e => e.Text), PaletteSearch.Results(Stack(), "  ").Select(r => r.Entry.Text));
        // Every action starting with 's' scores the same for "s": the shortest text ("search  search the logs") comes first.
        Assert.Equal("action search", Texts("s").First());
    }

    [Fact]
    public void A_query_nothing_matches_gives_no_results()
    {
        Assert.Empty(PaletteSearch.Results(Stack(), "zzzq"));
    }
}
