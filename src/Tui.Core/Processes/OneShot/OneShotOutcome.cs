namespace Tui.Core.Processes.OneShot;

/// <summary>How a one-shot command ended, and the end of what it printed.</summary>
/// <param name="Pid">The command's pid, which was also its process group's id.</param>
/// <param name="Status">Its exit code, or the signal that killed it.</param>
/// <param name="StdoutTail">The last <see cref="OneShotSpec.KeptOutputBytes"/> of its stdout, as UTF-8 text.</param>
/// <param name="StderrTail">The last <see cref="OneShotSpec.KeptOutputBytes"/> of its stderr, as UTF-8 text.</param>
public sealed record OneShotOutcome(int Pid, ExitStatus Status, string StdoutTail, string StderrTail);
