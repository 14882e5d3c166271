using Tui.Core.Config;
using Tui.Core.Health.Probes;

namespace Tui.Core.Health;

/// <summary>
/// Turns one check's probe results within one run into a verdict, as Docker and Kubernetes do: a success passes at
/// once; <see cref="HealthCheckConfig.Retries"/> failures in a row fail; failures within the start period are noted
/// but not counted. Pure: the caller supplies the time of each result.
/// </summary>
internal sealed class CheckTracker(HealthCheckConfig check, DateTimeOffset runStart)
{
    public HealthCheckConfig Check { get; } = check;

    /// <summary>True once passing, false once failed past the retries, null before either.</summary>
    public bool? Verdict { get; private set; }

    /// <summary>Counted failures in a row since the last success.</summary>
    public int Failures { get; private set; }

    /// <summary>The latest failure's detail, kept after a recovery.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Records a result; true when anything a person sees (verdict, count, reason) changed.</summary>
    public bool Record(ProbeResult result, DateTimeOffset at)
    {
        if (result.Healthy)
        {
            var changed = Verdict != true || Failures != 0;
            Verdict = true;
            Failures = 0;
            return changed;
        }

        var reasonChanged = LastFailure != result.Detail;
        LastFailure = result.Detail;
        if (at - runStart < Check.StartPeriod) return reasonChanged;
        Failures++;
        if (Failures >= Check.Retries) Verdict = false;
        return true;
    }
}
