using Tui.Core.Config;

namespace Tui.Core.Tests.Config;

/// <summary>depends_on in the config: forms, conditions, unknown names and cycles.</summary>
public sealed class DependencyTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private const string Others = "\n[processes.db]\ncommand = \"db\"\n[processes.migrate]\ncommand = \"m\"\nkind = \"job\"\n";

    [Fact]
    public void An_array_means_started()
    {
        var api = _scratch.Load("[processes.api]\ncommand = \"a\"\ndepends_on = [\"db\", \"migrate\"]" + Others).Find("api")!;
        Assert.Equal([new Dependency("db", DependencyCondition.Started), new Dependency("migrate", DependencyCondition.Started)], api.DependsOn.AsEnumerable());
    }

    [Fact]
    public void A_table_names_each_condition()
    {
        var api = _scratch.Load("[processes.api]\ncommand = \"a\"\ndepends_on = { db = \"healthy\", migrate = \"completed_successfully\" }" + Others).Find("api")!;
        Assert.Equal([new Dependency("db", DependencyCondition.Healthy), new Dependency("migrate", DependencyCondition.CompletedSuccessfully)], api.DependsOn.AsEnumerable());
        var started = _scratch.Load("[processes.api]\ncommand = \"a\"\n[processes.api.depends_on]\ndb = \"started\"" + Others).Find("api")!;
        Assert.Equal([new Dependency("db", DependencyCondition.Started)], started.DependsOn.AsEnumerable());
    }

    [Theory]
    [InlineData("depends_on = [\"dbb\"]", "3:15: depends_on names \"dbb\", which is not a process; did you mean `db`?")]
    [InlineData("depends_on = [\"cache\"]", "3:15: depends_on names \"cache\", which is not a process")]
    [InlineData("depends_on = { db = \"ready\" }", "3:21: depends_on.db must be one of \"started\", \"healthy\", \"completed_successfully\", not the string \"ready\"")]
    [InlineData("depends_on = [\"db\", \"db\"]", "3:21: depends_on names \"db\" twice")]
    [InlineData("depends_on = [\"db\", 2]", "3:21: depends_on must contain process names, not the integer 2")]
    [InlineData("depends_on = \"db\"", "3:14: depends_on must be an array of process names or a table of name = condition, not the string \"db\"")]
    public void Bad_dependencies_are_reported(string line, string expected) =>
        Assert.Equal(expected, _scratch.Error("[processes.api]\ncommand = \"a\"\n" + line + Others));

    [Fact]
    public void A_self_dependency_is_a_cycle() =>
        Assert.Equal("3:1: dependency cycle: api -> api", _scratch.Error("[processes.api]\ncommand = \"a\"\ndepends_on = [\"api\"]"));

    [Fact]
    public void A_cycle_is_named_from_the_process_written_first()
    {
        // The search enters the cycle at db (through web), but the message starts at api, which is written first.
        Assert.Equal("6:1: dependency cycle: api -> db -> cache -> api", _scratch.Error("""
            [processes.web]
            command = "w"
            depends_on = ["db"]
            [processes.api]
            command = "a"
            depends_on = ["db"]
            [processes.db]
            command = "d"
            depends_on = { cache = "healthy" }
            [processes.cache]
            command = "c"
            depends_on = ["api"]
            """));
    }

    [Fact]
    public void A_cycle_through_replicas_is_named_by_table()
    {
        Assert.Equal("4:1: dependency cycle: api -> db -> api", _scratch.Error("""
            [processes.api]
            command = "a"
            replicas = 2
            depends_on = ["db"]
            [processes.db]
            command = "d"
            depends_on = ["api-2"]
            """));
    }
}
