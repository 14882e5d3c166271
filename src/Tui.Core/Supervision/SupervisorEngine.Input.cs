namespace Tui.Core.Supervision;

/// <summary>Input to a process (tui send, the monitor's input mode): one message, written on the loop without blocking it.</summary>
internal sealed partial class SupervisorEngine
{
    public Task<CommandResult> SendInput(string process, string text) => Ask(() =>
        Find(process) is { } actor ? actor.SendInput(text) : CommandResult.Fail($"no process named \"{process}\""));
}
