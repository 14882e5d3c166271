using System.Net;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Supervision;

namespace Tui.Http.Tests;

public sealed class ProcessRouteTests
{
    internal const string Stack = """
        [processes.api]
        command = "echo api up; exec sleep 60"
        group = "web"

        [processes.front]
        command = "exec sleep 60"
        group = "web"

        [processes.db]
        command = "exec sleep 60"
        """;

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Get_processes_lists_every_process_in_config_order_with_the_engines_pids(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, Stack);
        await f.AllAlive();

        using var response = await f.Client.GetAsync("processes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await Json.Read(response);
        Assert.Equal(["api", "front", "db"], Json.Names(list));
        Assert.Equal(f.Snapshot("api").Pid, list[0]!["pid"]!.GetValue<int>());
        Assert.Equal("web", list[0]!.Text("group"));
        Assert.Contains(list[2]!.Text("state"), new[] { "running", "ready" });
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Get_one_process_names_its_state_and_pid_and_an_unknown_one_is_a_404_json_error(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, Stack);
        await f.AllAlive();

        using var one = await f.Client.GetAsync("processes/db");
        using var unknown = await f.Client.GetAsync("processes/nope");

        var db = await Json.Read(one);
        Assert.Equal("db", db.Text("name"));
        Assert.Equal(f.Snapshot("db").Pid, db["pid"]!.GetValue<int>());
        Assert.Equal(0, db["restarts"]!.GetValue<int>());
        Assert.NotNull(db["state_since"]); // the names of tui ps --json
        Assert.Equal("no process named \"nope\"", await Json.Error(unknown, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_process_carries_its_latest_cpu_and_memory_sample()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, Stack, statsInterval: TimeSpan.FromMilliseconds(50));
        await f.AllAlive();
        var sample = await f.Engine.Stats.Where(s => s.Process == "db").Skip(1).FirstAsync().Timeout(ApiFixture.WaitLimit).ToTask();

        var db = await Json.Read(await f.Client.GetAsync("processes/db"));

        Assert.True(db["memory_bytes"]!.GetValue<long>() > 0);
        Assert.True(db["cpu"]!.GetValue<double>() >= 0);
        Assert.True(sample.RssBytes > 0);
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Stop_of_a_group_stops_its_members_and_start_all_starts_them_again(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, Stack);
        await f.AllAlive();

        using var stop = await f.Client.PostAsync("processes/@web/stop", null);
        var stopped = await Json.Read(stop);
        var after = await f.Until(s => s.Where(p => p.Group == "web").All(p => p.State == ProcessState.Stopped));
        using var start = await f.Client.PostAsync("processes/all/start", null);
        await f.AllAlive();

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(["api", "front"], stopped["affected"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        Assert.True(after.Single(p => p.Name == "db").State.IsAlive());
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Restart_gives_a_new_pid_and_pause_and_resume_change_the_state(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, Stack);
        await f.AllAlive();
        var before = f.Snapshot("db").Pid;

        using var restart = await f.Client.PostAsync("processes/db/restart", null);
        await f.Until(s => s.Single(p => p.Name == "db") is { Pid: { } pid } db && pid != before && db.State.IsAlive());
        using var pause = await f.Client.PostAsync("processes/db/pause", null);
        await f.Until(s => s.Single(p => p.Name == "db").State == ProcessState.Paused);
        using var resume = await f.Client.PostAsync("processes/db/resume", null);
        await f.Until(s => s.Single(p => p.Name == "db").State is ProcessState.Running or ProcessState.Ready);

        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Actions_on_unknown_targets_are_404_json_errors(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, Stack);

        using var name = await f.Client.PostAsync("processes/nope/stop", null);
        using var group = await f.Client.PostAsync("processes/@nope/restart", null);

        Assert.Equal("no process named \"nope\"", await Json.Error(name, HttpStatusCode.NotFound));
        Assert.Equal("no group named \"nope\"", await Json.Error(group, HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Input_to_a_process_without_stdin_is_a_409_json_error_that_says_so(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, Stack);

        using var refused = await f.Client.PostAsync("processes/db/input", Json.Body("""{"text":"hello\n"}"""));
        using var unknown = await f.Client.PostAsync("processes/nope/input", Json.Body("""{"text":"hello\n"}"""));
        using var empty = await f.Client.PostAsync("processes/db/input", Json.Body("{}"));

        Assert.Equal("db has no stdin: set stdin = true or tty = true", await Json.Error(refused, HttpStatusCode.Conflict));
        await Json.Error(unknown, HttpStatusCode.NotFound);
        Assert.Contains("text", await Json.Error(empty, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Input_reaches_a_stdin_child_and_its_answer_comes_back_in_its_log(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, """
            [processes.echo]
            command = "exec cat"
            stdin = true
            """);
        await f.AllAlive();
        var answered = f.Engine.Logs.Where(l => l.Process == "echo" && l.Text == "hello over http").FirstAsync()
            .Timeout(ApiFixture.WaitLimit).ToTask();

        using var sent = await f.Client.PostAsync("processes/echo/input", Json.Body("""{"text":"hello over http\n"}"""));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("hello over http", (await answered).Text);
    }

    [Fact]
    public async Task A_job_waiting_for_the_pool_shows_as_queued_with_its_place_in_the_queue()
    {
        await using var f = await ApiFixture.StartAsync(Transport.Unix, """
            [settings]
            max_concurrent_jobs = 1

            [processes.first]
            command = "exec sleep 60"
            kind = "job"

            [processes.second]
            command = "exec sleep 60"
            kind = "job"
            """);
        await f.Until(s => s.Any(p => p.Name == "second" && p.QueuePosition == 1));

        using var response = await f.Client.GetAsync("processes/second");

        var second = await Json.Read(response);
        Assert.Equal("queued", second.Text("state"));
        Assert.Equal(1, second["queue_position"]!.GetValue<int>());
    }
}
