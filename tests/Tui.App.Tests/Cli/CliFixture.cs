using System.Collections.Immutable;
using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Tui.Core.Config;
using Tui.Core.Control.Server;
using Tui.Core.Processes;
using Tui.Core.Supervision;

namespace Tui.App.Tests.Cli;

/// <summary>
/// A real engine running a real TOML config in this test process, served on the control socket the CLI computes for
/// that config (XDG_RUNTIME_DIR and XDG_STATE_HOME point into a temp dir), and the real tui program to run commands with.
/// </summary>
internal sealed class CliFixture : IAsyncDisposable, IControlHost
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Supervisor? _supervisor;

    public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("tui-cli-");
    public string ConfigPath => Path.Combine(Dir.FullName, "processes.toml");
    public string RuntimeDir => Path.Combine(Dir.FullName, "run");
    public string StateDir => Path.Combine(Dir.FullName, "state");
    public ControlServer? Server { get; private set; }
    public ISupervisorClient Engine => _supervisor ?? throw new InvalidOperationException("call Serve first");
    public string Mode => "test";
    public Task ShutdownRequested => _shutdown.Task;

    public void RequestShutdown() => _shutdown.TrySetResult();

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["XDG_RUNTIME_DIR"] = RuntimeDir,
        ["XDG_STATE_HOME"] = StateDir,
    };

    public string Trigger(string name) => Path.Combine(Dir.FullName, name);

    public void WriteConfig(string toml) => File.WriteAllText(ConfigPath, toml);

    /// <summary>Loads the config, starts it in-process and serves it where tui -c finds it.</summary>
    public async Task Serve(string toml)
    {
        WriteConfig(toml);
        var config = ConfigLoader.Load(ConfigPath);
        _supervisor = new Supervisor(config, new SupervisorOptions(new PosixProcessLauncher(), DefaultScheduler.Instance));
        await _supervisor.StartAsync();
        var env = Environment;
        Server = ControlServer.Start(SocketLocation.For(ConfigPath, Path.Combine(StateDir, "tui"), name => env.GetValueOrDefault(name)), this);
    }

    public Task<ImmutableArray<ProcessSnapshot>> Until(Func<ImmutableArray<ProcessSnapshot>, bool> condition) =>
        Engine.Snapshots.Where(condition).FirstAsync().Timeout(WaitLimit).ToTask();

    /// <summary>Waits until <paramref name="condition"/> holds: checked now and again on every log line the engine sees.</summary>
    public Task UntilLogs(Func<bool> condition) =>
        Engine.Logs.Select(_ => true).StartWith(true).Where(_ => condition()).FirstAsync().Timeout(WaitLimit).ToTask();

    /// <summary>Runs <c>tui ARGS -c CONFIG</c> to its end.</summary>
    public Task<(int Exit, string Out, string Err)> Tui(params string[] args) => Run([.. args, "-c", ConfigPath]);

    /// <summary>Runs <c>tui ARGS</c> to its end (killed, and an <see cref="OperationCanceledException"/>, after <see cref="WaitLimit"/>).</summary>
    public async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        var result = await CliWrap.Cli.Wrap(TuiPath)
            .WithArguments(args)
            .WithWorkingDirectory(Dir.FullName)
            .WithEnvironmentVariables(env =>
            {
                foreach (var (key, value) in Environment) env.Set(key, value);
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private static string TuiPath => Path.Combine(AppContext.BaseDirectory, "tui");

    public ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(TuiPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Dir.FullName,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in Environment) info.Environment[key] = value;
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        if (_supervisor is not null) await _supervisor.DisposeAsync();
        Dir.Delete(recursive: true);
    }
}
