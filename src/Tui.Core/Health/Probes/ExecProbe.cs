using Tui.Core.Processes;
using Tui.Core.Processes.OneShot;

namespace Tui.Core.Health.Probes;

/// <summary>
/// Runs a command (in the process's cwd and environment) through the <see cref="IOneShotRunner"/>, in a process group of
/// its own; exit 0 is healthy. A failure's detail is the exit and the command's last line of stderr (of stdout when
/// stderr is empty). When the attempt is cancelled (timeout, or the run ended) the whole group is SIGKILLed and reaped
/// before the attempt completes: a hung probe leaves nothing.
/// </summary>
public sealed class ExecProbe(IOneShotRunner runner, OneShotSpec spec) : IProbe
{
    /// <summary>Output kept to explain a failure: the tail is what says why; a chatty probe costs no more than this.</summary>
    public const int MaxOutputBytes = OneShotSpec.DefaultKeptOutputBytes;

    /// <summary>The explanation is shown in a status column: one short line.</summary>
    public const int MaxDetailChars = 160;

    private readonly OneShotSpec _spec = spec with { KeptOutputBytes = MaxOutputBytes };

    public async Task<ProbeResult> RunAsync(CancellationToken cancel)
    {
        OneShotOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(_spec, cancel).ConfigureAwait(false);
        }
        catch (LaunchException e)
        {
            return ProbeResult.Fail($"cannot run: {e.Message}");
        }
        if (outcome.Status.Success) return ProbeResult.Pass("exit 0");
        // What a command says on stderr is what explains its failure; stdout only when stderr is silent.
        var line = LastLine(outcome.StderrTail) is { Length: > 0 } error ? error : LastLine(outcome.StdoutTail);
        return ProbeResult.Fail(line.Length > 0 ? $"{outcome.Status}: {line}" : outcome.Status.ToString());
    }

    private static string LastLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return line.Length <= MaxDetailChars ? line : line[..(MaxDetailChars - 1)] + "…";
    }
}
