namespace Tui.Core.Config.Loading;

/// <summary>"Did you mean ...?" for misspelt keys and names.</summary>
internal static class Spelling
{
    /// <summary>Two edits catch a swapped pair plus a typo ("restrat", "depend_on"); beyond that the suggestions are mostly unrelated words.</summary>
    public const int MaxDistance = 2;

    /// <summary>The candidate nearest to <paramref name="word"/> within <see cref="MaxDistance"/> edits (case-insensitive), or null.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = MaxDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Edit distance where insert, delete, substitute and swapping two neighbours each cost one (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>"; did you mean `restart`?" or nothing.</summary>
    public static string Suggestion(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } match ? $"; did you mean `{match}`?" : "";
}
