using System.Buffers;
using System.Collections.Immutable;

namespace Tui.App.Palette;

/// <summary>
/// fzf-style fuzzy matching: the query's characters must appear in the text in order (ignoring case), and among all
/// the ways they can, the best-scoring one is found (dynamic programming, like fzf's v2 algorithm). Each matched
/// character scores; a character at a word start (after a space, '_', '-', '/', ':' or a camelCase hump) earns a bonus,
/// doubled for the query's first character; a run of consecutive characters earns more; each gap costs, its first
/// character most. So "rs" ranks "restart" above "group restart" above "trust".
/// Why not a package: FuzzySharp (the served fuzzy matcher) scores edit distance, which neither requires the letters in
/// order nor says which letters matched, and the palette highlights those.
/// </summary>
public static class FuzzyMatcher
{
    internal const int MatchScore = 16;
    internal const int GapStart = -3;
    internal const int GapExtension = -1;
    internal const int BoundaryBonus = 8;
    internal const int CamelBonus = 7;
    internal const int ConsecutiveBonus = 5;
    internal const int FirstCharMultiplier = 2;

    /// <summary>Below this a cell of the table is "no way to match up to here" (far enough from int.MinValue that adding penalties cannot wrap).</summary>
    private const int None = int.MinValue / 4;

    /// <summary>Texts longer than this are matched on their first part only: the table is query × text cells.</summary>
    private const int MaxTextLength = 256;

    /// <summary>The best match of <paramref name="query"/> in <paramref name="text"/>, or null when its characters do not all appear in order.</summary>
    public static FuzzyMatch? Match(string query, string text)
    {
        if (query.Length == 0) return new FuzzyMatch(0, []);
        int n = query.Length, m = Math.Min(text.Length, MaxTextLength);
        if (!IsSubsequence(query, text.AsSpan(0, m))) return null;

        // scores[i * m + j]: the best score of matching query[..i+1] with query[i] on text[j].
        int[] rented = ArrayPool<int>.Shared.Rent(n * m);
        try
        {
            var scores = rented.AsSpan(0, n * m);
            for (int i = 0; i < n; i++)
            {
                var row = scores.Slice(i * m, m);
                var previous = i > 0 ? scores.Slice((i - 1) * m, m) : default;
                // The best way to reach text[j] after a gap: a match of query[i-1] at k < j-1, less the gap's cost.
                int gapped = None;
                for (int j = 0; j < m; j++)
                {
                    if (i > 0 && j >= 2)
                        gapped = Math.Max(gapped > None ? gapped + GapExtension : None, previous[j - 2] > None ? previous[j - 2] + GapStart : None);
                    if (!Same(text[j], query[i]))
                    {
                        row[j] = None;
                        continue;
                    }
                    int bonus = Bonus(text, j);
                    if (i == 0)
                    {
                        row[j] = MatchScore + bonus * FirstCharMultiplier;
                        continue;
                    }
                    int best = j >= 1 && previous[j - 1] > None ? previous[j - 1] + ConsecutiveBonus : None;
                    best = Math.Max(best, gapped);
                    row[j] = best > None ? best + MatchScore + bonus : None;
                }
            }
            return Backtrack(scores, text, n, m);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Finds the best end and walks back through the table to the characters that gave it.</summary>
    private static FuzzyMatch? Backtrack(ReadOnlySpan<int> scores, string text, int n, int m)
    {
        var last = scores.Slice((n - 1) * m, m);
        int end = -1;
        for (int j = 0; j < m; j++)
        {
            if (last[j] > None && (end < 0 || last[j] > last[end])) end = j;
        }
        if (end < 0) return null;

        var positions = new int[n];
        int at = end;
        positions[n - 1] = at;
        for (int i = n - 1; i > 0; i--)
        {
            var previous = scores.Slice((i - 1) * m, m);
            int wanted = scores[i * m + at] - MatchScore - Bonus(text, at);
            int from = -1;
            if (at >= 1 && previous[at - 1] > None && previous[at - 1] + ConsecutiveBonus == wanted) from = at - 1;
            for (int k = at - 2; from < 0 && k >= 0; k--)
            {
                if (previous[k] > None && previous[k] + GapStart + GapExtension * (at - 2 - k) == wanted) from = k;
            }
            at = from;
            positions[i - 1] = at;
        }
        return new FuzzyMatch(last[end], ImmutableArray.Create(positions));
    }

    private static bool IsSubsequence(string query, ReadOnlySpan<char> text)
    {
        int q = 0;
        for (int j = 0; j < text.Length && q < query.Length; j++)
        {
            if (Same(text[j], query[q])) q++;
        }
        return q == query.Length;
    }

    private static bool Same(char a, char b) => a == b || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);

    /// <summary>What matching text[j] is worth beyond <see cref="MatchScore"/>: starts of words score, the middle of a word does not.</summary>
    private static int Bonus(string text, int j)
    {
        char current = text[j];
        if (j == 0) return char.IsLetterOrDigit(current) ? BoundaryBonus : BoundaryBonus / 2;
        char before = text[j - 1];
        if (!char.IsLetterOrDigit(before) && char.IsLetterOrDigit(current)) return BoundaryBonus;
        if (char.IsLower(before) && char.IsUpper(current)) return CamelBonus;
        if (char.IsLetter(before) && char.IsDigit(current)) return CamelBonus;
        return 0;
    }
}
