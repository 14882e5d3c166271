namespace Tui.Core.Tests.Config;

public sealed class ReplicaTests : IDisposable
{
    private readonly ConfigScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Replicas_expand_to_numbered_processes_with_their_index_in_the_environment()
    {
        var config = _scratch.Load("""
            [processes.worker]
            command = "work"
            replicas = 3
            env = { QUEUE = "q-${TUI_REPLICA}" }
            """);
        Assert.Equal(["worker-1", "worker-2", "worker-3"], config.Processes.Select(p => p.Name));
        Assert.All(config.Processes, p => Assert.Equal("worker", p.BaseName));
        Assert.Equal([1, 2, 3], config.Processes.Select(p => p.ReplicaIndex));
        Assert.Equal(["2", "worker-2", "q-2"], new[] { "TUI_REPLICA", "TUI_PROCESS", "QUEUE" }.Select(k => config.Processes[1].Env[k]));
        Assert.Equal(3, config.Processes.Select(p => p.Definition).Distinct().Count());
    }

    [Fact]
    public void A_dependency_on_a_replicated_process_means_all_its_replicas()
    {
        var config = _scratch.Load("""
            [processes.db]
            command = "db"
            replicas = 2
            [processes.api]
            command = "api"
            depends_on = { db = "healthy" }
            [processes.probe]
            command = "probe"
            depends_on = ["db-2"]
            """);
        Assert.Equal(["db-1", "db-2"], config.Find("api")!.DependsOn.Select(d => d.Name));
        Assert.All(config.Find("api")!.DependsOn, d => Assert.Equal(Tui.Core.Config.DependencyCondition.Healthy, d.Condition));
        Assert.Equal(["db-2"], config.Find("probe")!.DependsOn.Select(d => d.Name));
    }

    [Fact]
    public void A_replica_name_colliding_with_another_process_is_an_error()
    {
        Assert.Equal("4:12: process \"api-2\" has the same name as replica \"api-2\" of api (replicas = 2) at line 1",
            _scratch.Error("[processes.api]\ncommand = \"a\"\nreplicas = 2\n[processes.api-2]\ncommand = \"b\""));
        Assert.Equal("3:12: replica \"api-1\" of api (replicas = 2) has the same name as process \"api-1\" at line 1",
            _scratch.Error("[processes.api-1]\ncommand = \"b\"\n[processes.api]\ncommand = \"a\"\nreplicas = 2"));
    }
}
