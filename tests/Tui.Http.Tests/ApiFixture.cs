using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Config;
using Tui.Core.Processes;
using Tui.Core.Stats;
using Tui.Core.Supervision;
using Tui.Http.Hosting;

namespace Tui.Http.Tests;

/// <summary>How a test reaches the server.</summary>
public enum Transport { Unix, Tcp }

/// <summary>
/// A real engine (real sh children, real clock) loaded from a real TOML file in a temp folder, served by a real
/// <see cref="ApiServer"/> on a unix socket or on 127.0.0.1 with a token. Dispose stops the server, shuts the engine
/// down, and SIGKILLs every process group it ever started, whatever the test did.
/// </summary>
internal sealed class ApiFixture : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private readonly List<HttpClient> _clients = [];

    private ApiFixture(DirectoryInfo dir, Transport transport)
    {
        Dir = dir;
        Transport = transport;
    }

    public DirectoryInfo Dir { get; }
    public Transport Transport { get; }
    public string ConfigPath => Path.Combine(Dir.FullName, "processes.toml");
    public string HistoryPath => Path.Combine(Dir.FullName, "history.db");
    public TrackingLauncher Launcher { get; } = new(new PosixProcessLauncher());
    public Supervisor Engine { get; private set; } = null!;
    public ApiServer Server { get; private set; } = null!;
    public string? Token { get; private set; }

    /// <summary>A client that carries the token (on TCP).</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Writes <paramref name="toml"/>, starts its processes and serves them.</summary>
    /// <param name="statsInterval">Sample real CPU and memory this often; null takes no samples.</param>
    public static async Task<ApiFixture> StartAsync(Transport transport, string toml,
        Func<ApiServerOptions, ApiServerOptions>? options = null, TimeSpan? statsInterval = null)
    {
        var fixture = new ApiFixture(Directory.CreateTempSubdirectory("tui-http-"), transport);
        try
        {
            await fixture.RunAsync(toml, options ?? (o => o), statsInterval);
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }

    private async Task RunAsync(string toml, Func<ApiServerOptions, ApiServerOptions> options, TimeSpan? statsInterval)
    {
        File.WriteAllText(ConfigPath, toml);
        var config = ConfigLoader.Load(ConfigPath);
        Engine = new Supervisor(config, new SupervisorOptions(Launcher, DefaultScheduler.Instance)
        {
            StatsSource = statsInterval is null ? null : new ProcStatsSource(),
            StatsInterval = statsInterval ?? SupervisorOptions.DefaultStatsInterval,
        });
        await Engine.StartAsync();
        ApiEndpoint endpoint = Transport == Transport.Unix
            ? new ApiEndpoint.Unix(Path.Combine(Dir.FullName, "run", "api.sock"))
            : new ApiEndpoint.Tcp(System.Net.IPAddress.Loopback, 0);
        Token = Transport == Transport.Tcp ? ApiToken.LoadOrCreate(Path.Combine(Dir.FullName, "state", "api-token")) : null;
        Server = await ApiServer.StartAsync(Engine, options(new ApiServerOptions(endpoint, Token, HistoryPath)));
        Client = NewClient();
    }

    /// <summary>A client of its own (its own connection pool); <paramref name="withToken"/> false leaves the token out.</summary>
    public HttpClient NewClient(bool withToken = true, int maxConnections = int.MaxValue)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections };
        Uri baseAddress;
        if (Server.Endpoint is ApiEndpoint.Unix unix)
        {
            handler.ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(unix.Path), cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            baseAddress = new Uri("http://tui/");
        }
        else
        {
            baseAddress = new Uri(Server.Endpoint + "/");
        }
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = WaitLimit };
        if (withToken && Token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>A raw connection to the server, for clients that misbehave (never read, send garbage).</summary>
    public async Task<Socket> ConnectRaw()
    {
        Socket socket;
        if (Server.Endpoint is ApiEndpoint.Unix unix)
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(unix.Path));
        }
        else
        {
            var tcp = (ApiEndpoint.Tcp)Server.Endpoint;
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(tcp.Address, tcp.Port);
        }
        return socket;
    }

    /// <summary>The header lines a raw request needs: host, and the token on TCP.</summary>
    public string RawHeaders => "Host: tui\r\n" + (Token is null ? "" : $"Authorization: Bearer {Token}\r\n");

    public ProcessSnapshot Snapshot(string name) => Engine.Current.Single(s => s.Name == name);

    /// <summary>Waits for the engine's snapshot to satisfy <paramref name="condition"/>.</summary>
    public Task<ImmutableArray<ProcessSnapshot>> Until(Func<ImmutableArray<ProcessSnapshot>, bool> condition) =>
        Engine.Snapshots.Where(condition).FirstAsync().Timeout(WaitLimit).ToTask();

    public Task AllAlive() => Until(s => s.All(p => p.State.IsAlive() && p.Pid is not null));

    public async ValueTask DisposeAsync()
    {
        try
        {
            lock (_clients)
            {
                foreach (var client in _clients) client.Dispose();
            }
            if (Server is not null) await Server.DisposeAsync();
            if (Engine is not null)
            {
                await Engine.ShutdownAsync().WaitAsync(WaitLimit);
                await Engine.DisposeAsync();
            }
        }
        finally
        {
            foreach (var pgid in Launcher.Groups) ProcessGroup.KillGroupAndWait(pgid, KillWait);
            Dir.Delete(recursive: true);
        }
    }
}

/// <summary>The real launcher, remembering every group it started so the fixture can clean up by pgid.</summary>
internal sealed class TrackingLauncher(IProcessLauncher inner) : IProcessLauncher
{
    private readonly ConcurrentQueue<int> _groups = new();

    public IReadOnlyList<int> Groups => [.. _groups];

    public bool StartBlocks => inner.StartBlocks;

    public IChildProcess Start(LaunchSpec spec)
    {
        var child = inner.Start(spec);
        _groups.Enqueue(child.Pid);
        return child;
    }
}
