using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

public class DependencyGraphTests
{
    private static DependencyGraph Graph(params (string Name, string[] DependsOn)[] nodes) =>
        new(nodes.Select(n => (n.Name, (IEnumerable<string>)n.DependsOn)));

    [Fact]
    public void Start_order_puts_dependencies_first_and_otherwise_keeps_file_order()
    {
        var graph = Graph(("web", ["api"]), ("api", ["db", "cache"]), ("worker", []), ("db", []), ("cache", []));
        Assert.Equal(["worker", "db", "cache", "api", "web"], graph.StartOrder.AsEnumerable());
        Assert.Equal(["web", "api", "cache", "db", "worker"], graph.StopOrder.AsEnumerable());
        Assert.True(graph.Cycle.IsEmpty);
    }

    [Fact]
    public void Independent_processes_start_in_file_order() =>
        Assert.Equal(["c", "a", "b"], Graph(("c", []), ("a", []), ("b", [])).StartOrder.AsEnumerable());

    [Fact]
    public void Neighbours_direct_and_transitive()
    {
        var graph = Graph(("web", ["api"]), ("api", ["db"]), ("db", []), ("admin", ["db"]));
        Assert.Equal(["api"], graph.DependenciesOf("web").AsEnumerable());
        Assert.Equal(["api", "admin"], graph.DependentsOf("db").AsEnumerable());
        Assert.Equal(["db", "api"], graph.AllDependenciesOf("web").AsEnumerable());
        Assert.Equal(["api", "web", "admin"], graph.AllDependentsOf("db").AsEnumerable());
        Assert.Empty(graph.DependenciesOf("nobody").AsEnumerable());
    }

    [Fact]
    public void Unknown_names_are_ignored() =>
        Assert.Equal(["api"], Graph(("api", ["ghost"])).StartOrder.AsEnumerable());

    [Fact]
    public void A_cycle_is_found_as_a_closed_path_and_blocks_the_order()
    {
        var graph = Graph(("web", ["api"]), ("api", ["db"]), ("db", ["web"]), ("other", []));
        Assert.Equal(["web", "api", "db", "web"], graph.Cycle.AsEnumerable());
        var error = Assert.Throws<InvalidOperationException>(() => graph.StartOrder.AsEnumerable());
        Assert.Equal("dependency cycle: web -> api -> db -> web", error.Message);
    }

    [Fact]
    public void A_self_loop_is_a_cycle() => Assert.Equal(["a", "a"], Graph(("a", ["a"])).Cycle.AsEnumerable());

    [Fact]
    public void A_diamond_is_not_a_cycle()
    {
        var graph = Graph(("top", ["left", "right"]), ("left", ["bottom"]), ("right", ["bottom"]), ("bottom", []));
        Assert.True(graph.Cycle.IsEmpty);
        Assert.Equal(["bottom", "left", "right", "top"], graph.StartOrder.AsEnumerable());
    }

    [Fact]
    public void Of_reads_a_loaded_config()
    {
        using var scratch = new ConfigScratch();
        var config = scratch.Load("[processes.api]\ncommand = \"a\"\ndepends_on = [\"db\"]\n[processes.db]\ncommand = \"d\"\nreplicas = 2");
        Assert.Equal(["db-1", "db-2", "api"], DependencyGraph.Of(config.Processes).StartOrder.AsEnumerable());
    }
}
