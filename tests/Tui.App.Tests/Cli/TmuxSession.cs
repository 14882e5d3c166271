using CliWrap;
using CliWrap.Buffered;

namespace Tui.App.Tests.Cli;

/// <summary>A detached tmux session of a fixed size on a private server (its own -L socket), killed on dispose.</summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _server = $"tui-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32];

    public TmuxSession(int width, int height, IReadOnlyDictionary<string, string> environment, string command)
    {
        var args = new List<string> { "-f", "/dev/null", "new-session", "-d", "-x", width.ToString(), "-y", height.ToString() };
        foreach (var (key, value) in environment) args.AddRange(["-e", $"{key}={value}"]);
        args.Add(command);
        Tmux([.. args]);
        Tmux("set-option", "-g", "status", "off");
    }

    public string Capture() => Tmux("capture-pane", "-p");

    public void Keys(params string[] keys) => Tmux(["send-keys", .. keys]);

    /// <summary>Waits until the screen shows <paramref name="text"/>: a screen has no event to wait on, so it is read again.</summary>
    public async Task<string> WaitFor(string text)
    {
        var deadline = DateTime.UtcNow + CliFixture.WaitLimit;
        while (true)
        {
            var screen = Capture();
            if (screen.Contains(text)) return screen;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no '{text}' on the screen:\n{screen}");
            await Task.Delay(50);
        }
    }

    private string Tmux(params string[] args)
    {
        // Forcefully cancelled (killed) if it hangs, so a test fails instead of waiting forever.
        using var timeout = new CancellationTokenSource(CliFixture.WaitLimit);
        var result = CliWrap.Cli.Wrap("tmux").WithArguments(["-L", _server, .. args]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token).GetAwaiter().GetResult();
        return result.StandardOutput;
    }

    public void Dispose() => Tmux("kill-server");
}
