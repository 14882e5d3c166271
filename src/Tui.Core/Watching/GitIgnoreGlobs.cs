namespace Tui.Core.Watching;

/// <summary>
/// Turns .gitignore-style patterns into globs for <see cref="Microsoft.Extensions.FileSystemGlobbing.Matcher"/>:
/// a pattern without a slash matches at any depth (<c>*.log</c>, <c>bin</c>), a leading slash anchors it to the
/// process's folder, a trailing slash means "this folder and everything in it". Negation (<c>!</c>) is not supported.
/// </summary>
public static class GitIgnoreGlobs
{
    /// <summary>Never worth a restart, and often huge: version control, build output, installed packages.</summary>
    public static readonly IReadOnlyList<string> DefaultIgnores = [".git/", "bin/", "obj/", "node_modules/"];

    public static IEnumerable<string> Translate(string pattern)
    {
        var p = pattern.Trim().Replace('\\', '/');
        if (p.Length == 0 || p.StartsWith('#')) yield break;
        var directoryOnly = p.EndsWith('/');
        p = p.TrimEnd('/');
        var anchored = p.StartsWith('/') || p.Contains('/');
        p = p.TrimStart('/');
        if (p.Length == 0) yield break;
        var glob = anchored || p.StartsWith("**", StringComparison.Ordinal) ? p : "**/" + p;
        if (!directoryOnly) yield return glob;
        // A name may be a folder: ignoring it ignores what is inside.
        if (!glob.EndsWith("/**", StringComparison.Ordinal)) yield return glob + "/**";
    }
}
