using CliWrap;
using CliWrap.Buffered;

namespace Tui.App.Tests.EndToEnd;

/// <summary>
/// One program in a detached tmux session of a fixed size, on a private server (tmux -L NAME) so that nothing the
/// test does touches a user's tmux. Disposing kills that server by its name.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    /// <summary>How long a screen may take to show what a step waits for (a loaded CI machine is slow to start .NET).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    /// <summary>How often the screen is read while waiting: tmux offers no change notification, so the test polls.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _socket = $"tui-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];
    private readonly string _config;

    public static bool IsInstalled { get; } = Which("tmux");

    public TmuxSession(string directory, int width, int height, string command)
    {
        _config = Path.Combine(directory, "tmux.conf");
        // No status line (the pane is exactly width x height), and keep the pane after the program exits to read its end.
        File.WriteAllText(_config, "set -g status off\nset -g remain-on-exit on\nset -g default-terminal xterm-256color\n");
        Run("-f", _config, "new-session", "-d", "-x", width.ToString(), "-y", height.ToString(), "-s", "main", command);
    }

    public string Capture() => Run("capture-pane", "-p", "-t", "main").TrimEnd('\n');

    public void Keys(params string[] keys) => Run(["send-keys", "-t", "main", .. keys]);

    /// <summary>Types text literally (no key names).</summary>
    public void Type(string text) => Run("send-keys", "-t", "main", "-l", text);

    public void Resize(int width, int height) => Run("resize-window", "-t", "main", "-x", width.ToString(), "-y", height.ToString());

    public bool PaneDead => Format("pane_dead") == "1";

    /// <summary>A tmux format variable of the pane (alternate_on, keypad_flag, mouse_any_flag...): what modes the program left on.</summary>
    public string Format(string variable) => Run("display-message", "-p", "-t", "main", "#{" + variable + "}").Trim();

    public int PanePid => int.Parse(Run("display-message", "-p", "-t", "main", "#{pane_pid}").Trim());

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>; fails with the last screen when it does not in time.</summary>
    public string WaitFor(Func<string, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        string screen;
        while (true)
        {
            screen = Capture();
            if (condition(screen)) return screen;
            if (DateTime.UtcNow > deadline) break;
            Thread.Sleep(PollInterval);
        }
        throw new Xunit.Sdk.XunitException($"timed out waiting for {what}; the screen was:\n{screen}");
    }

    public string WaitFor(string text, TimeSpan? timeout = null) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", timeout);

    public void WaitForExit(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (!PaneDead)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"the program did not exit; the screen was:\n{Capture()}");
            Thread.Sleep(PollInterval);
        }
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string Run(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        BufferedCommandResult result;
        try
        {
            result = CliWrap.Cli.Wrap("tmux").WithArguments(["-L", _socket, .. args]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} hung");
        }
        if (result.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {result.StandardError.Trim()}");
        return result.StandardOutput;
    }

    private static bool Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
