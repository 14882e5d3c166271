using System.Text;
using Tui.Core.Processes;

namespace Tui.Core.Supervision;

internal sealed partial class ProcessActor
{
    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, nothing added) to the current run's stdin pipe or pty. Refused, with a
    /// reason a person can act on, when the process takes no input, has no live run, or does not read what it was sent.
    /// </summary>
    public CommandResult SendInput(string text)
    {
        if (!ProcessInput.TakesInput(Config)) return CommandResult.Fail(ProcessInput.NoStdin(Name));
        if (_child is not { } child || State is not (ProcessState.Starting or ProcessState.Running or ProcessState.Ready or ProcessState.Paused))
        {
            return CommandResult.Fail($"{Name} is {State.ToString().ToLowerInvariant()}; input goes to a running process");
        }
        // Only a launcher that ignores LaunchSpec.KeepStdinOpen gets here (a change of stdin restarts the process).
        if (child.Input is not { } input) return CommandResult.Fail($"the current run of {Name} has no input; restart it");
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > ChildInput.MaxWriteBytes)
        {
            return CommandResult.Fail($"input of {bytes.Length} bytes is too long: at most {ChildInput.MaxWriteBytes} at a time");
        }
        int written;
        try
        {
            written = input.Write(bytes);
        }
        catch (IOException)
        {
            return CommandResult.Fail($"{Name} has closed its input");
        }
        return written == bytes.Length
            ? new CommandResult(true, [Name])
            : CommandResult.Fail($"{Name} is not reading its input: {written} of {bytes.Length} bytes were taken");
    }
}
