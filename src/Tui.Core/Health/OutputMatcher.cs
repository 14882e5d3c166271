using System.Text.RegularExpressions;

namespace Tui.Core.Health;

/// <summary>The output probe: the first line of a run (stdout or stderr) that matches the pattern makes it ready, for good.</summary>
internal sealed class OutputMatcher(string pattern)
{
    /// <summary>A pattern that backtracks badly must not stall the log reader that calls <see cref="Offer"/>.</summary>
    private static readonly TimeSpan RegexLimit = TimeSpan.FromMilliseconds(50);

    private readonly Regex _regex = new(pattern, RegexOptions.None, RegexLimit);

    public string Pattern => pattern;

    /// <summary>True when <paramref name="line"/> matches; a line the pattern takes too long on does not.</summary>
    public bool Offer(string line)
    {
        try
        {
            return _regex.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
