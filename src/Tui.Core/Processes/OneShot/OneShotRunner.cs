using System.Diagnostics;
using CliWrap;

namespace Tui.Core.Processes.OneShot;

/// <summary>
/// Runs one-shot commands through CliWrap, each as <c>setsid -- CMD ARGS...</c> so that it leads a process group of its
/// own (see <see cref="SetsidProgram"/>). CliWrap owns the run: the pipes (stdin empty, stdout and stderr into bounded
/// <see cref="OutputTail"/>s), the exit, and forceful cancellation, which kills only the process (and what .NET finds of
/// its tree). The group is this class's part: it is SIGKILLed the moment the command exits, so a grandchild still
/// holding the pipes cannot keep the run going, and on cancellation, so one that was reparented is not missed; and
/// the run ends only once every member of the group has exited.
/// </summary>
/// <param name="started">Told each command's pid (its group's id) the moment it starts, for whoever must account for
/// every process started (tests cleaning up by group).</param>
public sealed class OneShotRunner(Action<int, OneShotSpec>? started = null) : IOneShotRunner
{
    /// <summary>How long the members of a killed group are waited for: SIGKILL takes effect at once unless a
    /// member is stuck in the kernel (uninterruptible I/O), and then waiting longer would not help.</summary>
    private static readonly TimeSpan GroupExitWait = TimeSpan.FromSeconds(5);

    public async Task<OneShotOutcome> RunAsync(OneShotSpec spec, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.KeptOutputBytes);
        if (spec.Argv.IsDefaultOrEmpty || string.IsNullOrEmpty(spec.Argv[0])) throw new LaunchException("empty command");
        // Checked first, so that "command not found" is a reason rather than a bare exit 1 from setsid.
        var setsid = SetsidProgram.Path;
        CommandResolver.CheckWorkingDirectory(spec.Cwd);
        spec.Environment.TryGetValue("PATH", out var searchPath);
        CommandResolver.Resolve(spec.Argv[0], spec.Cwd, searchPath);
        cancel.ThrowIfCancellationRequested();

        var stdout = new OutputTail(spec.KeptOutputBytes);
        var stderr = new OutputTail(spec.KeptOutputBytes);
        var command = Cli.Wrap(setsid)
            .WithArguments(args => args.Add("--").Add(spec.Argv))
            .WithWorkingDirectory(spec.Cwd)
            .WithStandardOutputPipe(stdout)
            .WithStandardErrorPipe(stderr)
            .WithValidation(CommandResultValidation.None);

        CommandTask<CommandResult> run;
        try
        {
            run = command.ExecuteAsync(info => ReplaceEnvironment(info, spec.Environment), KillGroupOnExit, cancel);
        }
        catch (Exception e)
        {
            // RunAsync promises LaunchException only: a probe shows the reason, the engine does not crash.
            throw new LaunchException($"cannot start {spec.Argv[0]}: {e.Message}", e);
        }

        var group = run.ProcessId;
        started?.Invoke(group, spec);
        try
        {
            CommandResult result;
            using (cancel.Register(() => ProcessGroup.Signal(group, Signals.SIGKILL)))
            {
                result = await run.ConfigureAwait(false);
            }
            return new OneShotOutcome(group, ExitCodes.FromDotNetExitCode(result.ExitCode), stdout.Text(), stderr.Text());
        }
        finally
        {
            // A member that closed its pipes was SIGKILLed when the command exited (or on cancellation) but may not have
            // died yet: the run is over when it has.
            // No member left (the usual case) costs one kill(2); a /proc scan only when one is.
            if (ProcessGroup.Signal(group, Signals.SIGKILL)) await ProcessGroup.KillGroupAndWaitAsync(group, GroupExitWait).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whatever the command left running in its group goes with it, the moment it exits: a grandchild holding the
    /// pipes would otherwise keep CliWrap waiting for them to close. Called by CliWrap once the process has started; an
    /// event handler rather than a task, as it runs for every probe.
    /// </summary>
    private static void KillGroupOnExit(Process process)
    {
        var group = process.Id;
        process.Exited += (_, _) => ProcessGroup.Signal(group, Signals.SIGKILL);
        // An exit before the handler was added raised the event without it.
        if (process.HasExited) ProcessGroup.Signal(group, Signals.SIGKILL);
    }

    /// <summary>The command's environment is exactly the spec's: CliWrap only adds to the inherited one.</summary>
    private static void ReplaceEnvironment(ProcessStartInfo info, IReadOnlyDictionary<string, string> environment)
    {
        info.Environment.Clear();
        foreach (var (key, value) in environment) info.Environment[key] = value;
    }
}
