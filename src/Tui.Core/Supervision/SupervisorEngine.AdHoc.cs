using Tui.Core.Config;

namespace Tui.Core.Supervision;

/// <summary>
/// Ad-hoc jobs (tui run): added to the running set like a process a reload adds, and kept across reloads, since
/// the file never had them. A config that later names the same process takes it over (it becomes a changed process).
/// </summary>
internal sealed partial class SupervisorEngine
{
    /// <summary>The ad-hoc jobs still in the set, by name.</summary>
    private readonly Dictionary<string, ProcessConfig> _adHoc = new(StringComparer.Ordinal);

    public Task<CommandResult> RunAdHoc(AdHocJob job) => Spawn(job, config => config, "tui run");

    /// <summary>The file's config plus the ad-hoc jobs it does not name itself (those it names are the file's now).</summary>
    private TuiConfig WithAdHoc(TuiConfig fromFile)
    {
        foreach (var name in _adHoc.Keys.Where(n => fromFile.Find(n) is not null).ToList()) _adHoc.Remove(name);
        return _adHoc.Count == 0 ? fromFile : fromFile with { Processes = fromFile.Processes.AddRange(_adHoc.Values) };
    }
}
