using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;

namespace Tui.Terminal.Tests.Tmux;

/// <summary>
/// A tmux server on a private socket with one session, for driving a full-screen program as a
/// person would. Disposing kills the server by its socket name (and with it every process in its
/// panes) and removes the temp directory; nothing is ever killed by name.
/// </summary>
internal sealed class TmuxServer : IDisposable
{
    /// <summary>Longest a single tmux command may take before the test fails instead of hanging.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often the screen is read while waiting for it to show something; tmux offers no change notification.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private const string SessionName = "main";
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("tui-tmux-");
    private readonly string _socket = $"tui-test-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly string _config;
    private string? _socketPath;

    public static bool IsInstalled { get; } = FindOnPath("tmux");

    public TmuxServer()
    {
        // No status line, so the pane is exactly the window size; no user config.
        _config = Path.Combine(_directory.FullName, "tmux.conf");
        File.WriteAllText(_config, "set -g status off\nset -g history-limit 100\n");
    }

    /// <summary>Starts the session running <paramref name="shellCommand"/> (through sh) in a window of the given size.</summary>
    public void Start(int width, int height, string shellCommand)
    {
        Run("new-session", "-d", "-s", SessionName, "-x", width.ToString(), "-y", height.ToString(), shellCommand);
        _socketPath = Display("#{socket_path}");
    }

    public string Capture() => Run("capture-pane", "-p", "-t", SessionName);

    /// <summary>A tmux format for the pane, e.g. "#{alternate_on}" or "#{cursor_flag}".</summary>
    public string Display(string format) => Run("display-message", "-p", "-t", SessionName, format).Trim();

    public void SendKeys(params string[] keys) => Run(["send-keys", "-t", SessionName, .. keys]);

    public void Resize(int width, int height) => Run("resize-window", "-t", SessionName, "-x", width.ToString(), "-y", height.ToString());

    /// <summary>Reads the screen until <paramref name="condition"/> holds; fails with the last screen after <paramref name="timeout"/>.</summary>
    public string WaitForScreen(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        string screen;
        while (true)
        {
            screen = Capture();
            if (condition(screen)) return screen;
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(30))) break;
            Thread.Sleep(PollInterval);
        }
        Assert.Fail($"timed out waiting for {what}; the screen shows:\n{screen}");
        return screen;
    }

    /// <summary>Waits until a pane format has the expected value (e.g. the alternate screen is off).</summary>
    public void WaitForDisplay(string format, string expected, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        string value;
        while ((value = Display(format)) != expected)
        {
            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
                Assert.Fail($"{format} stayed '{value}', expected '{expected}'; the screen shows:\n{Capture()}");
            Thread.Sleep(PollInterval);
        }
    }

    private string Run(params string[] arguments)
    {
        var result = Tmux(["-f", _config, .. arguments]);
        if (result is null) Assert.Fail($"tmux {string.Join(' ', arguments)} did not finish");
        if (result.ExitCode != 0) Assert.Fail($"tmux {string.Join(' ', arguments)} failed: {result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary>One tmux command to its end on the private server; null when it did not finish within the timeout (it is killed).</summary>
    private BufferedCommandResult? Tmux(string[] arguments)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var command = Cli.Wrap("tmux")
            .WithArguments(["-L", _socket, .. arguments])
            .WithEnvironmentVariables(env => env.Set("TMUX", null)) // a test run inside tmux must still talk to its private server
            .WithValidation(CommandResultValidation.None);
        try
        {
            // The callers are synchronous tests; the command is short.
            return command.ExecuteBufferedAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            Tmux(["kill-server"]);
        }
        finally
        {
            // tmux leaves its socket file behind after kill-server.
            if (_socketPath is { Length: > 0 } socket && File.Exists(socket)) File.Delete(socket);
            _directory.Delete(recursive: true);
        }
    }

    private static bool FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
