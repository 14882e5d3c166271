using Tui.Toml;

namespace Tui.Core.Config.Loading;

/// <summary>
/// Collects every problem of a load instead of stopping at the first. The same error can be found more than once
/// (an env file shared by several replicas), so duplicates are dropped.
/// </summary>
internal sealed class ErrorList(SourceText config)
{
    private readonly List<TomlException> _errors = [];
    private readonly HashSet<string> _seen = [];

    public bool Any => _errors.Count > 0;

    /// <summary>A problem in the config file itself.</summary>
    public void Add(TomlPosition position, string reason) => Add(config.Error(position, reason));

    /// <summary>A problem in another file (an env file), already placed.</summary>
    public void Add(TomlException error)
    {
        if (_seen.Add(error.ShortMessage)) _errors.Add(error);
    }

    /// <summary>The config file's errors in file order, then those of other files.</summary>
    public IEnumerable<TomlException> InOrder() =>
        _errors.OrderBy(e => e.SourceName == config.Name ? 0 : 1).ThenBy(e => e.SourceName, StringComparer.Ordinal)
            .ThenBy(e => e.Line).ThenBy(e => e.Column);
}
