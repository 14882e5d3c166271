using Microsoft.Extensions.FileSystemGlobbing;
using Tui.Core.Config;

namespace Tui.Core.Watching;

/// <summary>
/// Which changed paths concern a process: its <c>watch.paths</c> globs (relative to its cwd, <c>**</c> allowed)
/// minus its <c>watch.ignore</c> patterns and the <see cref="GitIgnoreGlobs.DefaultIgnores"/>. Also the folders to
/// watch for them: each glob's literal prefix, recursive only when the glob reaches below it, so that
/// <c>appsettings.json</c> costs one watch, not one per folder of the project.
/// </summary>
public sealed class WatchRules
{
    private readonly string _cwd;
    private readonly IReadOnlyList<(WatchRoot Root, Matcher Matcher)> _includes;
    private readonly Matcher _ignores = new(StringComparison.Ordinal);

    private static readonly char[] Wildcards = ['*', '?', '[', '{'];

    public WatchRules(WatchConfig watch, string cwd)
    {
        _cwd = Path.GetFullPath(cwd);
        _includes = [.. watch.Paths.Select(Include)];
        foreach (var pattern in GitIgnoreGlobs.DefaultIgnores.Concat(watch.Ignore))
        {
            foreach (var glob in GitIgnoreGlobs.Translate(pattern)) _ignores.AddInclude(glob);
        }
        Roots = MinimalRoots(_includes.Select(i => i.Root));
    }

    /// <summary>The folders to watch, none inside another recursive one.</summary>
    public IReadOnlyList<WatchRoot> Roots { get; }

    /// <summary>The path to show (relative to the cwd when inside it) if a change to <paramref name="fullPath"/> concerns the process; null otherwise.</summary>
    public string? Match(string fullPath)
    {
        var underCwd = Relative(_cwd, fullPath);
        foreach (var (root, matcher) in _includes)
        {
            if (Relative(root.Directory, fullPath) is not { } relative || !matcher.Match(relative).HasMatches) continue;
            if (_ignores.Match(underCwd ?? relative).HasMatches) return null;
            return underCwd ?? fullPath;
        }
        return null;
    }

    private (WatchRoot, Matcher) Include(string pattern)
    {
        var full = Path.IsPathRooted(pattern) ? pattern : Path.Combine(_cwd, pattern);
        var segments = full.Replace('\\', '/').Split('/');
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(Wildcards) >= 0);
        var matcher = new Matcher(StringComparison.Ordinal);
        if (firstWild < 0)
        {
            var literal = Path.GetFullPath(full);
            if (Directory.Exists(literal))
            {
                matcher.AddInclude("**/*");
                return (new WatchRoot(literal, Recursive: true), matcher);
            }
            matcher.AddInclude(Path.GetFileName(literal));
            return (new WatchRoot(Path.GetDirectoryName(literal) ?? "/", Recursive: false), matcher);
        }
        var root = Path.GetFullPath(string.Join('/', segments[..firstWild]) is { Length: > 0 } prefix ? prefix : "/");
        var rest = string.Join('/', segments[firstWild..]);
        matcher.AddInclude(rest);
        var recursive = segments.Length - firstWild > 1 || rest.Contains("**", StringComparison.Ordinal);
        return (new WatchRoot(root, recursive), matcher);
    }

    private static IReadOnlyList<WatchRoot> MinimalRoots(IEnumerable<WatchRoot> roots)
    {
        var all = roots.Distinct().ToList();
        return [.. all.Where(r => !all.Any(other => other != r && other.Covers(r)))];
    }

    private static string? Relative(string directory, string fullPath)
    {
        var relative = Path.GetRelativePath(directory, fullPath);
        return relative is "." or ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }
}
