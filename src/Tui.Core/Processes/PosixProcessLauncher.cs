using System.Diagnostics;

namespace Tui.Core.Processes;

/// <summary>
/// Starts each child as the leader of a new session and process group, so that a signal to the group reaches
/// everything the child spawned.
/// <para>
/// A child on pipes is started with posix_spawn(3) and POSIX_SPAWN_SETSID (<see cref="NativeSpawner"/>), and reaped
/// by Tui (<see cref="SpawnedChildProcess"/>). Where libc lacks posix_spawn_file_actions_addclosefrom_np (glibc &lt; 2.34),
/// and for a pseudo-terminal, the child goes through <see cref="System.Diagnostics.Process"/>: .NET cannot call
/// setsid(2) between fork and exec, so the child is started as util-linux <c>setsid -- CMD ARGS...</c>; setsid execs
/// in place (a .NET child is never a group leader), so the command keeps the pid .NET knows, pid == pgid == sid, and
/// .NET still reaps it.
/// </para>
/// <para>
/// With <see cref="LaunchSpec.Tty"/>, the child runs on a pseudo-terminal: Tui opens the master (close-on-exec)
/// and starts <c>/bin/sh -c 'exec setsid --ctty -- CMD ARGS... &lt;&gt;SLAVE &gt;&amp;0 2&gt;&amp;0'</c>, so the
/// child opens the slave as stdin, stdout and stderr and makes it its controlling terminal.
/// </para>
/// <para>
/// All three standard streams are always redirected: when one is left on Tui's terminal, .NET turns terminal
/// echo back on while the child runs, which breaks the screen's raw mode.
/// </para>
/// <para>
/// Why not CliWrap, which runs the one-shot commands (exec probes: <see cref="OneShot.OneShotRunner"/>): a supervised
/// child is long-running, and the supervisor needs its pid the moment it starts, its own process group to signal as a
/// whole (CliWrap signals only the process), any signal (stop signals, a reload's SIGHUP; CliWrap has kill and
/// interrupt), a pseudo-terminal (CliWrap always uses pipes), and a lossless byte pump of its output that the log owns
/// from the first byte (CliWrap reads the pipes itself, into pipe targets, and ends the run only when they close).
/// So children keep this launcher.
/// </para>
/// </summary>
public sealed class PosixProcessLauncher : IProcessLauncher
{
    /// <summary>The shell that opens the pty slave for the child; POSIX guarantees it.</summary>
    private const string Shell = "/bin/sh";

    /// <summary>$1 = setsid, $2 = the slave's path, the rest = the command. Passed as arguments, not
    /// environment variables, so that nothing extra leaks into the child's environment.</summary>
    private const string PtyScript = "s=$1 p=$2; shift 2; exec \"$s\" --ctty -- \"$@\" <>\"$p\" >&0 2>&0";

    private readonly TimeProvider _clock;

    /// <param name="clock">Stamps <see cref="IChildProcess.StartedAt"/>; the system clock by default.</param>
    public PosixProcessLauncher(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>A spawn returns once the child has exec'd: half a millisecond on a busy machine.</summary>
    public bool StartBlocks => true;

    public IChildProcess Start(LaunchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Argv.IsDefaultOrEmpty || string.IsNullOrEmpty(spec.Argv[0])) throw new LaunchException("empty command");

        CommandResolver.CheckWorkingDirectory(spec.Cwd);
        spec.Environment.TryGetValue("PATH", out var searchPath);
        var path = CommandResolver.Resolve(spec.Argv[0], spec.Cwd, searchPath);

        if (!spec.Tty && NativeSpawner.Available)
        {
            try
            {
                return SpawnedChildProcess.Start(path, spec, _clock.GetUtcNow());
            }
            catch (EntryPointNotFoundException)
            {
                // An old libc: every later start takes the setsid path below.
            }
        }

        var setsid = SetsidProgram.Path;
        PseudoTerminal? pty = null;
        try
        {
            pty = spec.Tty ? PseudoTerminal.Open(spec.WindowSize) : null;
            var startInfo = pty is null ? PipedStartInfo(setsid, spec) : TerminalStartInfo(setsid, pty.SlavePath, spec);
            return PosixChildProcess.Start(startInfo, pty, spec.KeepStdinOpen, _clock.GetUtcNow());
        }
        catch (LaunchException)
        {
            pty?.Dispose();
            throw;
        }
        catch (Exception e)
        {
            // Start promises LaunchException only: the supervisor shows the reason, it does not crash.
            pty?.Dispose();
            throw new LaunchException($"cannot start {spec.Argv[0]}: {e.Message}", e);
        }
    }

    private static ProcessStartInfo PipedStartInfo(string setsid, LaunchSpec spec)
    {
        var info = BaseStartInfo(setsid, spec);
        info.ArgumentList.Add("--");
        foreach (var arg in spec.Argv) info.ArgumentList.Add(arg);
        return info;
    }

    private static ProcessStartInfo TerminalStartInfo(string setsid, string slavePath, LaunchSpec spec)
    {
        if (!File.Exists(Shell)) throw new LaunchException($"{Shell} not found: Tui needs it to start a child on a pseudo-terminal");
        var info = BaseStartInfo(Shell, spec);
        foreach (var arg in (string[])["-c", PtyScript, "tui-pty", setsid, slavePath]) info.ArgumentList.Add(arg);
        foreach (var arg in spec.Argv) info.ArgumentList.Add(arg);
        return info;
    }

    private static ProcessStartInfo BaseStartInfo(string fileName, LaunchSpec spec)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            WorkingDirectory = spec.Cwd,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment.Clear();
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;
        return info;
    }
}
