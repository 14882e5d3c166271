using Tui.Core.Config;

namespace Tui.Core.Supervision;

/// <summary>Which processes take input, and what the others answer: the engine, tui send and the monitor say it alike.</summary>
public static class ProcessInput
{
    /// <summary>stdin = true (a pipe kept open) or tty = true (the pty): input can reach the process.</summary>
    public static bool TakesInput(ProcessConfig config) => config.Stdin || config.Tty;

    /// <summary>The refusal for input to a process that has no stdin.</summary>
    public static string NoStdin(string process) => $"{process} has no stdin: set stdin = true or tty = true";
}
