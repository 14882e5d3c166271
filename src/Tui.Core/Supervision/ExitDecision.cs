namespace Tui.Core.Supervision;

/// <summary>What the restart policy makes of an exit: the trigger to fire, the reason to show, and for a restart its delay.</summary>
/// <param name="Attempt">1-based restart number within the crash streak (0 when not restarting).</param>
internal sealed record ExitDecision(Trigger Trigger, string Reason, TimeSpan Delay, int Attempt, RestartHistory History);
