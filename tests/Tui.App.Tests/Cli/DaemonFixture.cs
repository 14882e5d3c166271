using System.Text.Json;
using Tui.Core.Processes;

namespace Tui.App.Tests.Cli;

/// <summary>
/// The real program as a daemon (tui up -d) on a config in a temp dir, with its own XDG dirs. Every pid the test saw
/// (daemons, children, stand-ins) is SIGKILLed by process group on dispose, whatever the test did.
/// </summary>
internal sealed class DaemonFixture : IAsyncDisposable
{
    public CliFixture Cli { get; } = new();
    private readonly List<int> _groups = [];

    public string StateDir => Path.Combine(Cli.StateDir, "tui");

    public Task<(int Exit, string Out, string Err)> Tui(params string[] args) => Cli.Tui(args);

    /// <summary>tui up -d; returns the daemon's pid from its output.</summary>
    public async Task<int> Up()
    {
        var (exit, output, error) = await Cli.Tui("up", "-d");
        Assert.True(exit == 0, $"up -d exited {exit}: {output} {error}");
        var pid = int.Parse(output.Split("pid ")[1].Split(',')[0]);
        Track(pid);
        return pid;
    }

    /// <summary>The processes tui ps --json reports: name, state, pid.</summary>
    public async Task<List<(string Name, string State, int? Pid)>> Ps()
    {
        var (exit, output, error) = await Cli.Tui("ps", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().Select(r => (
            r.GetProperty("name").GetString()!,
            r.GetProperty("state").GetString()!,
            r.TryGetProperty("pid", out var pid) ? pid.GetInt32() : (int?)null)).ToList();
        foreach (var row in rows) if (row.Item3 is { } p) Track(p);
        return rows;
    }

    /// <summary>Polls ps until every process has a pid: the daemon starts them after its socket answers.</summary>
    public Task<List<(string Name, string State, int? Pid)>> PsUntilAllAlive(int count) =>
        AskUntil(Ps, rows => rows.Count == count && rows.All(r => r.State is "running" or "ready"), rows => string.Join(", ", rows));

    /// <summary>Runs <paramref name="ask"/> (a command of the real program) again until its answer is <paramref name="done"/>, bounded.</summary>
    public static async Task<T> AskUntil<T>(Func<Task<T>> ask, Func<T, bool> done, Func<T, string> describe)
    {
        var deadline = DateTime.UtcNow + CliFixture.WaitLimit;
        while (true)
        {
            var answer = await ask();
            if (done(answer)) return answer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(describe(answer));
            // Each ask is a whole program start; no sleep needed between them.
        }
    }

    public void Track(int pid) => _groups.Add(pid);

    /// <summary>Alive and not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) for a pid that is not our child to go: no exit event reaches us for it, so /proc is read.</summary>
    public static async Task<bool> Gone(int pid)
    {
        var deadline = DateTime.UtcNow + CliFixture.WaitLimit;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var group in _groups)
        {
            ProcessGroup.Signal(group, Signals.SIGKILL);
        }
        foreach (var group in _groups) await Gone(group);
        await Cli.DisposeAsync();
    }
}
