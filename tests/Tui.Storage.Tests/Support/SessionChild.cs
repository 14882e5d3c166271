using System.Diagnostics;
using Tui.Core.Processes;
using Tui.Storage.Orphans;

namespace Tui.Storage.Tests.Support;

/// <summary>
/// A real child in its own session and process group (setsid execs in place, so pid = pgid), as Tui starts its
/// children. Dispose SIGKILLs its group if it still runs and waits for it: no test leaves a process behind.
/// </summary>
public sealed class SessionChild : IDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);
    private readonly Process _process;

    private SessionChild(Process process)
    {
        _process = process;
        // The shell prints once setsid has made it a group leader: the line is the event that says so.
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(ExitWait) || ready.Result != ReadyLine)
            throw new InvalidOperationException($"child {process.Id} did not start: {ready.Status}");
        Identity = ProcessIdentity.Of(process.Id) ?? throw new InvalidOperationException($"child {process.Id} exited at once");
    }

    private const string ReadyLine = "ready";

    /// <summary>Starts <c>setsid sh -c SCRIPT</c>; the script should exec or wait so that it stays.</summary>
    public static SessionChild Start(string script)
    {
        var info = new ProcessStartInfo("setsid", ["sh", "-c", $"echo {ReadyLine}; {script}"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start");
        try
        {
            var child = new SessionChild(process);
            var stat = ProcStatFile.TryRead(child.Pid);
            if (stat?.ProcessGroup != child.Pid) throw new InvalidOperationException($"child {child.Pid} does not lead its own group: {stat}");
            return child;
        }
        catch
        {
            process.Kill(); // by pid, through the Process that still owns it: nothing is left behind when a test fails here
            process.WaitForExit(ExitWait);
            process.Dispose();
            throw;
        }
    }

    public static SessionChild Sleeper() => Start("exec sleep 300");

    /// <summary>A child that ignores SIGTERM (an ignored signal stays ignored across exec).</summary>
    public static SessionChild StubbornSleeper() => Start("trap '' TERM; exec sleep 300");

    public int Pid => _process.Id;
    public ProcessIdentity Identity { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the real exit; the exit code is 128 + signal for a child a signal ended.</summary>
    public int? WaitForExit()
    {
        if (!_process.WaitForExit(ExitWait)) return null;
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            ProcessGroup.Signal(Pid, Signals.SIGKILL);
            _process.WaitForExit(ExitWait);
        }
        _process.Dispose();
    }
}
