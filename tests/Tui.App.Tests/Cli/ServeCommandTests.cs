using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Tui.Core.Processes;
using Tui.Core.Supervision;
using Tui.Http.Hosting;

namespace Tui.App.Tests.Cli;

/// <summary>tui serve and [settings.api] with the real program, real children and real HTTP.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class ServeCommandTests
{
    private const string TwoSleepers = """
        [processes.api]
        command = "exec sleep 300"

        [processes.worker]
        command = "exec sleep 300"
        """;

    [Fact]
    public async Task Serve_attaches_to_the_running_instance_and_stopping_serve_leaves_its_processes_running()
    {
        await using var f = new CliFixture();
        await f.Serve(TwoSleepers);
        await f.Until(s => s.All(p => p.State.IsAlive()));

        using var serve = Process.Start(f.StartInfo(["serve", "-c", f.ConfigPath]))!;
        try
        {
            var line = await LineContaining(serve, "HTTP API at unix:");
            using var client = UnixClient(line.Split("at unix:")[1].Split(',')[0]);
            var listed = await Names(client);
            using var stop = await client.PostAsync("processes/worker/stop", null);
            await f.Until(s => s.Single(p => p.Name == "worker").State == ProcessState.Stopped);

            Assert.Equal(["api", "worker"], listed);
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }
        finally
        {
            Stop(serve);
        }
        await serve.WaitForExitAsync().WaitAsync(CliFixture.WaitLimit);

        Assert.Equal(0, serve.ExitCode);
        Assert.True(f.Engine.Current.Single(p => p.Name == "api").State.IsAlive(), "serve stopped the instance's process");
    }

    [Fact]
    public async Task Serve_without_an_instance_runs_the_config_and_stops_every_child_on_SIGTERM()
    {
        await using var f = new CliFixture();
        f.WriteConfig(TwoSleepers);
        using var serve = Process.Start(f.StartInfo(["serve", "-c", f.ConfigPath]))!;
        var pids = new List<int>();
        try
        {
            var line = await LineContaining(serve, "HTTP API at unix:");
            using var client = UnixClient(line.Split("at unix:")[1].Trim());
            pids = await PidsWhenAllAlive(client, 2);
        }
        finally
        {
            Stop(serve);
            await serve.WaitForExitAsync().WaitAsync(CliFixture.WaitLimit);
            foreach (var pid in pids) ProcessGroup.Signal(pid, Signals.SIGKILL); // a leak fails below, and leaves nothing
        }

        Assert.Equal(0, serve.ExitCode);
        Assert.Equal(2, pids.Count);
        foreach (var pid in pids) Assert.False(DaemonFixture.IsAlive(pid), $"child {pid} outlived tui serve");
    }

    [Fact]
    public async Task Up_d_with_settings_api_on_tcp_requires_the_token_from_the_state_dir()
    {
        await using var f = new DaemonFixture();
        var port = FreePort();
        f.Cli.WriteConfig($"[settings.api]\nlisten = \"127.0.0.1:{port}\"\n\n" + TwoSleepers);
        await f.Up();
        try
        {
            await f.PsUntilAllAlive(2);
            var tokenFile = ApiLocation.TokenFile(f.Cli.ConfigPath, f.StateDir);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = CliFixture.WaitLimit };

            using var anonymous = await client.GetAsync("processes");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(tokenFile).Trim());
            var listed = await Names(client);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["api", "worker"], listed);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }
        finally
        {
            Assert.Equal(0, (await f.Tui("down")).Exit);
        }
    }

    [Fact]
    public async Task Serve_whose_address_is_taken_fails_without_starting_any_process()
    {
        await using var f = new CliFixture();
        var started = f.Trigger("started");
        f.WriteConfig($"""
            [processes.api]
            command = "touch '{started}'; exec sleep 300"
            """);
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, output, error) = await f.Tui("serve", "--listen", $"127.0.0.1:{port}");

        Assert.Equal(1, exit);
        Assert.Contains("the HTTP API is not served", output + error);
        Assert.DoesNotContain("running (pid", output);
        Assert.False(File.Exists(started), "a process was started although nothing could be served");
    }

    [Fact]
    public async Task A_bad_listen_address_is_a_usage_error()
    {
        await using var f = new CliFixture();
        f.WriteConfig(TwoSleepers);

        var (exit, _, error) = await f.Tui("serve", "--listen", "example.com:80");

        Assert.Equal(2, exit);
        Assert.Contains("--listen", error);
    }

    private static async Task<string> LineContaining(Process process, string text)
    {
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(CliFixture.WaitLimit)
                ?? throw new EndOfStreamException($"tui serve ended: {await process.StandardError.ReadToEndAsync()}");
            if (line.Contains(text, StringComparison.Ordinal)) return line;
        }
    }

    private static HttpClient UnixClient(string path) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellation) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = new Uri("http://tui/"), Timeout = CliFixture.WaitLimit };

    private static async Task<string[]> Names(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("processes"));
        return [.. json.RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
    }

    /// <summary>Asks until every process has a pid: serve starts them after the API listens; each ask is a real request.</summary>
    private static async Task<List<int>> PidsWhenAllAlive(HttpClient client, int count)
    {
        var deadline = DateTime.UtcNow + CliFixture.WaitLimit;
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("processes"));
            var rows = json.RootElement.EnumerateArray().ToList();
            if (rows.Count == count && rows.All(r => r.GetProperty("state").GetString() is "running" or "ready"))
                return [.. rows.Select(r => r.GetProperty("pid").GetInt32())];
            if (DateTime.UtcNow > deadline) throw new TimeoutException(json.RootElement.ToString());
            await Task.Delay(20);
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited) kill(process.Id, Signals.SIGTERM);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
