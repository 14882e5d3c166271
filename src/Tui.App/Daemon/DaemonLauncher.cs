using Tui.App.Commands;
using System.Diagnostics;
using System.Reflection;
using Tui.App.Instance;
using Tui.Core.Control;
using Tui.Core.Control.Client;
using Tui.Core.Control.Wire;
using Tui.Storage;

namespace Tui.App.Daemon;

/// <summary>
/// <c>tui up -d</c>: starts this same program as <c>up --daemon-child</c> in a session of its own (setsid, so no
/// terminal's hangup or Ctrl-C reaches it), stdin from /dev/null and stdout/stderr appended to a log file in the state
/// directory; waits until its control socket answers; prints its pid.
/// </summary>
internal static class DaemonLauncher
{
    public const int ExitStarted = 0;
    public const int ExitFailed = 1;
    public const string ChildFlag = "--daemon-child";
    public const string LogSuffix = ".daemon.log";

    /// <summary>Orphan recovery may take its stop timeout, and a cold .NET start a second: generous, and still an answer.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the socket is tried while the daemon starts. It appears once, in a directory other programs write to
    /// as well, so a short poll is simpler and surer than a watcher; 20 ms adds at most that to <c>up -d</c>.
    /// </summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<int> StartAsync(string configPath, TextWriter output, TextWriter error)
    {
        var full = Path.GetFullPath(configPath);
        var socket = InstanceServices.SocketPathFor(full);
        if (await TryHelloAsync(socket) is { } running)
        {
            error.WriteLine($"tui up: {configPath} is already running ({running.Mode}, pid {running.Pid}); tui attach or tui down first");
            return CliExit.AlreadyRunning;
        }
        var log = Path.Combine(StatePaths.StateDirectory(), StatePaths.StemFor(full) + LogSuffix);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        using var child = Process.Start(StartInfo(full, log))!;
        var deadline = DateTime.UtcNow + StartWait;
        while (DateTime.UtcNow < deadline)
        {
            if (await TryHelloAsync(socket) is { } server)
            {
                output.WriteLine($"tui daemon started: pid {server.Pid}, log {log}");
                return ExitStarted;
            }
            if (child.HasExited)
            {
                error.WriteLine($"tui up: the daemon exited with {child.ExitCode} before it answered; its log ({log}) ends with:");
                foreach (var line in Tail(log)) error.WriteLine("  " + line);
                return ExitFailed;
            }
            await Task.Delay(ProbeInterval);
        }
        error.WriteLine($"tui up: the daemon (pid {child.Id}) did not answer within {StartWait.TotalSeconds:0}s; see {log}");
        return ExitFailed;
    }

    /// <summary>
    /// sh redirects and execs setsid, which execs tui in place (sh's child is no group leader), so the pid stays the
    /// daemon's. All three std streams are pipes on our side (closed when we exit), never our terminal.
    /// </summary>
    private static ProcessStartInfo StartInfo(string configPath, string log)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(configPath)!,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=\"$1\"; shift; exec setsid \"$@\" </dev/null >>\"$log\" 2>&1");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(log);
        foreach (var arg in SelfCommand()) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("up");
        info.ArgumentList.Add(ChildFlag);
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(configPath);
        return info;
    }

    /// <summary>This program: the apphost alone, or <c>dotnet tui.dll</c> when run through the dotnet host.</summary>
    public static IReadOnlyList<string> SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var name = Path.GetFileNameWithoutExtension(process);
        // Not Assembly.Location: a native (AOT) build has none; the entry dll sits beside the app's files.
        return name == "dotnet" ? [process, Path.Combine(AppContext.BaseDirectory, Assembly.GetEntryAssembly()!.GetName().Name + ".dll")] : [process];
    }

    private static async Task<ServerInfo?> TryHelloAsync(string socket)
    {
        try
        {
            await using var client = await ControlClient.ConnectAsync(socket);
            var reply = await client.RequestAsync(new ControlRequest(0, ControlOps.Hello));
            return reply.Server;
        }
        catch (ControlException)
        {
            return null;
        }
    }

    /// <summary>Lines of the daemon log shown when it failed to start: enough for a config error with its caret.</summary>
    private const int LogTailLines = 10;

    private static IEnumerable<string> Tail(string log)
    {
        try
        {
            return File.ReadLines(log).TakeLast(LogTailLines).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
