using Tui.Core.Processes;

namespace Tui.Core.Supervision;

internal sealed partial class ProcessActor
{
    /// <summary>
    /// Sends <paramref name="signal"/> to the current run's group without a state change (watch.signal: a program
    /// that reloads itself on SIGHUP). False when there is no live, unpaused run to signal.
    /// </summary>
    public bool SignalRun(int signal, string why)
    {
        if (_child is not { } child || State is not (ProcessState.Starting or ProcessState.Running or ProcessState.Ready)) return false;
        child.SignalGroup(signal);
        Log.WriteSystem($"{why}: sent {Signals.Name(signal)}");
        return true;
    }
}
