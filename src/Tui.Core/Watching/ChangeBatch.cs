namespace Tui.Core.Watching;

/// <summary>The changes coalesced into one restart: the first path that matched (relative to the process's cwd) and how many there were.</summary>
public sealed record ChangeBatch(string FirstPath, int Count)
{
    /// <summary>"src/app.py", or "src/app.py and 499 more".</summary>
    public string Describe() => Count <= 1 ? FirstPath : $"{FirstPath} and {Count - 1} more";
}
