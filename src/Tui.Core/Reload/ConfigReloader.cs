using Tui.Core.Config;

namespace Tui.Core.Reload;

/// <summary>
/// Reads the config file again and hands a valid result to the engine; an invalid one is reported (every error at
/// file:line:col) and changes nothing. Reloads never overlap: one that is asked for while another runs waits for it,
/// so the last edit is always the one applied.
/// </summary>
public sealed class ConfigReloader
{
    private readonly IReloadTarget _target;
    private readonly Func<string, TuiConfig> _load;
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <param name="load">Reads a config file (<see cref="ConfigLoader.Load"/> in production).</param>
    public ConfigReloader(IReloadTarget target, Func<string, TuiConfig> load)
    {
        _target = target;
        _load = load;
    }

    /// <summary>Raised after each successful reload, with the config now running (watchers follow its files).</summary>
    public event Action<TuiConfig>? Reloaded;

    public async Task<ReloadResult> ReloadAsync()
    {
        await _one.WaitAsync().ConfigureAwait(false);
        try
        {
            TuiConfig next;
            try
            {
                next = _load(_target.Config.SourcePath);
            }
            catch (ConfigException error)
            {
                _target.ReportConfigError(error.Message);
                return new ReloadResult(null, error.Message);
            }
            var diff = await _target.ApplyConfigAsync(next).ConfigureAwait(false);
            Reloaded?.Invoke(next);
            return new ReloadResult(diff, null);
        }
        finally
        {
            _one.Release();
        }
    }
}
