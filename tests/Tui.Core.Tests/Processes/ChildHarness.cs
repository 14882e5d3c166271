using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Runtime.Versioning;
using Tui.Core.Processes;
using Tui.Core.Processes.OneShot;

namespace Tui.Core.Tests.Processes;

/// <summary>
/// Starts real children (and runs real one-shot commands) for a test and cleans up after it: every child's and
/// command's whole process group is SIGKILLed and waited for, every handle disposed, the temp directory removed.
/// </summary>
internal sealed class ChildHarness : IDisposable
{
    /// <summary>How long a test waits for a real child to do something before failing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<IChildProcess> _children = [];
    private readonly ConcurrentQueue<int> _commands = new();

    public ChildHarness()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tui-proc-");
        Runner = new OneShotRunner((pid, _) => _commands.Enqueue(pid));
    }

    public DirectoryInfo Directory { get; }
    public PosixProcessLauncher Launcher { get; } = new();

    /// <summary>The real one-shot runner; the group of every command it starts is cleaned up with the harness.</summary>
    public OneShotRunner Runner { get; }

    /// <summary>The pids (= group ids) of the one-shot commands <see cref="Runner"/> started, in order.</summary>
    public IReadOnlyList<int> CommandPids => [.. _commands];

    /// <summary>A minimal environment: this process's PATH, and a HOME inside the temp directory.</summary>
    public Dictionary<string, string> BaseEnvironment() => new()
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? CommandResolver.DefaultSearchPath,
        ["HOME"] = Directory.FullName,
    };

    public LaunchSpec Spec(IEnumerable<string> argv, bool tty = false, string? cwd = null, IReadOnlyDictionary<string, string>? env = null) =>
        new([.. argv], cwd ?? Directory.FullName, env ?? BaseEnvironment(), tty);

    /// <summary>A one-shot command in the temp directory, with <see cref="BaseEnvironment"/> unless told otherwise.</summary>
    public OneShotSpec Command(IEnumerable<string> argv, IReadOnlyDictionary<string, string>? env = null) =>
        new([.. argv], Directory.FullName, env ?? BaseEnvironment());

    public IChildProcess Start(LaunchSpec spec)
    {
        var child = Launcher.Start(spec);
        _children.Add(child);
        return child;
    }

    public IChildProcess StartShell(string script, bool tty = false, IReadOnlyDictionary<string, string>? env = null) =>
        Start(Spec(["/bin/sh", "-c", script], tty, env: env));

    /// <summary>Writes an executable script into the temp directory and returns its path.</summary>
    [SupportedOSPlatform("linux")]
    public string WriteScript(string name, string body, UnixFileMode mode = (UnixFileMode)0b111_101_101)
    {
        var path = Path.Combine(Directory.FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, mode);
        return path;
    }

    public static async Task<ExitStatus> ExitOf(IChildProcess child) => await child.Exited.WaitAsync(Patience);

    public static async Task<string> ReadAll(Stream stream) =>
        await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync().WaitAsync(Patience);

    /// <summary>Reads lines until one satisfies <paramref name="done"/>; returns all lines read.</summary>
    public static async Task<List<string>> ReadLinesUntil(StreamReader reader, Func<List<string>, bool> done)
    {
        var lines = new List<string>();
        while (!done(lines))
        {
            var line = await reader.ReadLineAsync().WaitAsync(Patience)
                ?? throw new EndOfStreamException($"output ended after: {string.Join(" | ", lines)}");
            lines.Add(line.TrimEnd('\r'));
        }
        return lines;
    }

    public void Dispose()
    {
        foreach (var child in _children)
        {
            ProcessGroup.KillGroupAndWait(child.Pid, Patience);
            child.Dispose();
        }
        foreach (var pid in _commands) ProcessGroup.KillGroupAndWait(pid, Patience);
        Directory.Delete(recursive: true);
    }
}
