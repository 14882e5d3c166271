using System.Collections.Immutable;
using System.Net.Sockets;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;
using Tui.Core.Config;
using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Core.Control.Server;
using Tui.Core.Control.Wire;
using Tui.Core.Supervision;
using Tui.Core.Tests.Supervision;

namespace Tui.Core.Tests.Control;

/// <summary>A real engine with real sh children, served on a control socket in a temp directory.</summary>
internal sealed class ControlFixture : IAsyncDisposable, IControlHost
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly TaskCompletionSource _shutdownRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly DirectoryInfo? _socketDir;

    /// <param name="socketDir">Where the socket goes instead of the engine's temp directory (which TMPDIR may hide from other users).</param>
    public ControlFixture(DirectoryInfo? socketDir = null) => _socketDir = socketDir;

    public RealEngine Real { get; } = new();
    public ControlServer? Server { get; private set; }
    public string SocketPath => Path.Combine((_socketDir ?? Real.Dir).FullName, "run", "test.sock");
    public ISupervisorClient Engine => Real.Supervisor;
    public string Mode => "test";
    public Task ShutdownRequested => _shutdownRequested.Task;

    public void RequestShutdown() => _shutdownRequested.TrySetResult();

    /// <summary>Runs the processes and serves them; <paramref name="allowedUid"/> overrides who may connect.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task<ControlServer> Serve(uint? allowedUid, params (string Name, string Body, string? Group)[] processes)
    {
        var configs = processes.Select(p => Real.Process(p.Name, p.Body) with { Group = p.Group }).ToArray();
        return await Serve(allowedUid, configs);
    }

    /// <summary>Runs <paramref name="configs"/> (made with <see cref="RealEngine.Process"/>) and serves them.</summary>
    public async Task<ControlServer> Serve(uint? allowedUid, params ProcessConfig[] configs)
    {
        var supervisor = Real.Run(TestConfigs.ConfigOf(configs) with { SourcePath = Path.Combine(Real.Dir.FullName, "processes.toml") });
        await supervisor.StartAsync();
        Server = ControlServer.Start(SocketPath, this, allowedUid);
        return Server;
    }

    public Task<ControlClient> Connect() => ControlClient.ConnectAsync(SocketPath);

    public Task<ControlReply> Ask(ControlClient client, string op, string? target = null, string? process = null, int? tail = null, bool? stderr = null) =>
        client.RequestAsync(new ControlRequest(0, op, target, process, tail, Stderr: stderr)).WaitAsync(WaitLimit);

    /// <summary>Waits until the engine's snapshot satisfies <paramref name="condition"/>.</summary>
    public Task<ImmutableArray<ProcessSnapshot>> Until(Func<ImmutableArray<ProcessSnapshot>, bool> condition) =>
        Until(Engine, condition);

    public static Task<ImmutableArray<ProcessSnapshot>> Until(ISupervisorClient engine, Func<ImmutableArray<ProcessSnapshot>, bool> condition) =>
        engine.Snapshots.Where(condition).FirstAsync().Timeout(WaitLimit).ToTask();

    /// <summary>A raw connection for tests about what a client sends, not what the client class does.</summary>
    public async Task<(Socket Socket, StreamReader Reader)> ConnectRaw()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        return (socket, new StreamReader(new NetworkStream(socket, ownsSocket: false), Encoding.UTF8));
    }

    public static Task SendRaw(Socket socket, string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text));

    public async ValueTask DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        await Real.DisposeAsync();
    }
}
