namespace Tui.Core.Processes.OneShot;

/// <summary>Runs one-shot commands (exec probes) to their end, each in a process group of its own that goes with it.</summary>
public interface IOneShotRunner
{
    /// <summary>
    /// Runs <paramref name="spec"/> until it exits, then SIGKILLs whatever it left in its process group and waits for
    /// that to be gone. When <paramref name="cancel"/> fires first, the whole group is SIGKILLed and reaped and the
    /// task ends with <see cref="OperationCanceledException"/>: a command never outlives its run.
    /// </summary>
    /// <exception cref="LaunchException">The command cannot start ("command not found: foo"); never another exception for that.</exception>
    Task<OneShotOutcome> RunAsync(OneShotSpec spec, CancellationToken cancel);
}
