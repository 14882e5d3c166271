using Tui.Core.Config;
using Tui.Core.Processes;

namespace Tui.Core.Supervision;

/// <summary>
/// The restart policy as a pure function of the config, the exit, how long the run lasted and the history.
/// <list type="bullet">
/// <item>Service: <c>always</c> restarts after any exit; <c>on-failure</c> after a non-zero exit or a signal;
/// otherwise exit 0 is Completed and a crash is Failed.</item>
/// <item>Job: exit 0 is always Completed (final); a non-zero exit is Errored unless restart is <c>on-failure</c> or
/// <c>always</c>, which retry the failed job with the same backoff and limits as a service.</item>
/// <item>A run that stayed up at least <see cref="BackoffConfig.ResetAfter"/> ends the crash streak, so the next delay
/// is <see cref="BackoffConfig.Initial"/> again.</item>
/// <item>With max_restarts set, a restart that would be number max_restarts + 1 within restart_window fails the process instead.</item>
/// </list>
/// A stop asked for by the user never reaches this policy (the table has no restart from Stopping).
/// </summary>
internal static class RestartPolicyEvaluator
{
    /// <param name="restartAllowed">False while a stop or shutdown is under way: the exit is then final whatever the policy.</param>
    public static ExitDecision Decide(
        ProcessConfig config, ExitStatus exit, TimeSpan uptime, RestartHistory history, DateTimeOffset now, bool restartAllowed = true)
    {
        var exitText = exit.ToString();
        if (!restartAllowed || !WantsRestart(config, exit))
        {
            if (exit.Success) return new(Trigger.ExitCompleted, exitText, TimeSpan.Zero, 0, history);
            if (config.Kind == ProcessKind.Job) return new(Trigger.ExitErrored, exitText, TimeSpan.Zero, 0, history);
            return new(Trigger.ExitFailed, restartAllowed ? $"{exitText} (restart = no)" : exitText, TimeSpan.Zero, 0, history);
        }

        var streak = uptime >= config.Backoff.ResetAfter ? 0 : history.Streak;
        var windowStart = now - config.RestartWindow;
        var recent = history.RestartTimes.RemoveAll(t => t <= windowStart);
        if (config.MaxRestarts is { } max && recent.Count >= max)
        {
            var reason = $"{exitText}; gave up after {max} restarts within {DurationText.Format(config.RestartWindow)}";
            return new(Trigger.ExitFailed, reason, TimeSpan.Zero, 0, history with { RestartTimes = recent });
        }

        var attempt = streak + 1;
        return new(Trigger.ExitRestart, exitText, config.Backoff.DelayFor(attempt), attempt, new RestartHistory(attempt, recent.Add(now)));
    }

    private static bool WantsRestart(ProcessConfig config, ExitStatus exit) => (config.Kind, config.Restart) switch
    {
        (ProcessKind.Job, RestartPolicy.No) => false,
        (ProcessKind.Job, _) => !exit.Success,
        (_, RestartPolicy.Always) => true,
        (_, RestartPolicy.OnFailure) => !exit.Success,
        _ => false,
    };
}
