using System.Net;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Supervision;
using Tui.Storage.Recording;

namespace Tui.Http.Tests;

/// <summary>POST /jobs, GET logs, POST /reload and GET /history against the real engine.</summary>
public sealed class EngineRouteTests
{
    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_job_is_added_with_its_env_and_metadata_runs_and_its_log_is_readable(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        var done = f.Until(s => s.Any(p => p.Name == "report" && p.State == ProcessState.Completed));

        using var created = await f.Client.PostAsync("jobs", Json.Body("""
            {"name": "report", "argv": ["sh", "-c", "echo \"$WHO $TUI_METADATA\"; echo second"],
             "env": {"WHO": "me"}, "metadata": {"ticket": 42}}
            """));
        await done;
        using var logs = await f.Client.GetAsync("processes/report/logs");
        using var job = await f.Client.GetAsync("processes/report");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/processes/report", created.Headers.Location?.OriginalString);
        var lines = (await Json.Read(logs)).AsArray().Where(l => l!.Text("stream") == "stdout").Select(l => l!.Text("text")).ToArray();
        Assert.Equal(["me {\"ticket\": 42}", "second"], lines);
        var process = await Json.Read(job);
        Assert.Equal("adhoc", process.Text("group"));
        Assert.Equal("job", process.Text("kind"));
        Assert.Equal("completed", process.Text("state"));
        Assert.Equal(0, process["exit_code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task A_job_with_a_taken_name_is_a_409_and_one_without_argv_a_400(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);

        using var taken = await f.Client.PostAsync("jobs", Json.Body("""{"name": "db", "argv": ["true"]}"""));
        using var noArgv = await f.Client.PostAsync("jobs", Json.Body("""{"name": "x"}"""));
        using var badName = await f.Client.PostAsync("jobs", Json.Body("""{"name": "@x", "argv": ["true"]}"""));

        Assert.Contains("already exists", await Json.Error(taken, HttpStatusCode.Conflict));
        Assert.Contains("needs a command", await Json.Error(noArgv, HttpStatusCode.BadRequest));
        Assert.Contains("cannot name a process", await Json.Error(badName, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Logs_since_an_age_keep_recent_lines_and_a_bad_since_is_a_400(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        Assert.True(await EventStreamTests.Eventually(() => f.Engine.RecentLogs("api", 10).Any(l => l.Text == "api up")));

        using var recent = await f.Client.GetAsync("processes/api/logs?since=1h");
        using var future = await f.Client.GetAsync($"processes/api/logs?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");
        using var bad = await f.Client.GetAsync("processes/api/logs?since=yesterday");

        Assert.Contains("api up", (await Json.Read(recent)).AsArray().Select(l => l!.Text("text")));
        Assert.Empty((await Json.Read(future)).AsArray());
        Assert.Contains("since", await Json.Error(bad, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task Reload_applies_a_new_process_and_an_invalid_file_is_a_422_naming_file_line_col(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        await f.AllAlive();

        File.WriteAllText(f.ConfigPath, ProcessRouteTests.Stack + "\n[processes.extra]\ncommand = \"exec sleep 60\"\n");
        using var applied = await f.Client.PostAsync("reload", null);
        File.WriteAllText(f.ConfigPath, ProcessRouteTests.Stack + "\n[processes.broken]\ncommand = 12\n");
        using var refused = await f.Client.PostAsync("reload", null);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Contains("extra", f.Engine.Current.Select(s => s.Name));
        var detail = await Json.Error(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("processes.toml:12:", detail);
        Assert.DoesNotContain("broken", f.Engine.Current.Select(s => s.Name));
    }

    [Theory]
    [InlineData(Transport.Unix)]
    [InlineData(Transport.Tcp)]
    public async Task History_is_the_recorded_runs_as_tui_history_json_writes_them(Transport transport)
    {
        await using var f = await ApiFixture.StartAsync(transport, ProcessRouteTests.Stack);
        using var empty = await f.Client.GetAsync("history");
        using (var recorder = new HistoryRecorder(f.HistoryPath, System.Reactive.Concurrency.Scheduler.Default))
        {
            recorder.Attach(f.Engine);
            var done = f.Until(s => s.Any(p => p.Name == "once" && p.State == ProcessState.Completed));
            using var created = await f.Client.PostAsync("jobs", Json.Body("""{"name": "once", "argv": ["sh", "-c", "exit 0"]}"""));
            await done;
        } // disposing writes what is buffered

        using var all = await f.Client.GetAsync("history?process=once");
        using var bad = await f.Client.GetAsync("history?since=soon");

        Assert.Empty((await Json.Read(empty)).AsArray());
        var run = Assert.Single((await Json.Read(all)).AsArray())!;
        Assert.Equal("once", run.Text("process"));
        Assert.Equal(0, run["exitCode"]!.GetValue<int>());
        await Json.Error(bad, HttpStatusCode.BadRequest);
    }
}
