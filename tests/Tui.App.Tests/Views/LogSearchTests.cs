using Tui.App.Shell;
using Tui.App.Views;
using Tui.Core.Logs;
using static Tui.App.Tests.Fakes.TestProcesses;

namespace Tui.App.Tests.Views;

public class LogSearchTests
{
    private static readonly IReadOnlyList<LogLine> Lines =
        new[] { "boot", "GET /a", "POST /b", "GET /c", "\u001b[32mok\u001b[0m", "get /d", "done" }
        .Select((t, i) => new LogLine(i + 1, "api", Now, LogStream.Stdout, t)).ToList();

    [Fact]
    public void Without_a_current_match_the_search_starts_at_the_bottom_of_the_view_going_older()
    {
        Assert.Equal((new LineRef("api", 6), 1), LogSearch.Find(Lines, "get", null, 0, SearchDirection.Older));
        Assert.Equal((new LineRef("api", 4), 3), LogSearch.Find(Lines, "get", null, 2, SearchDirection.Older));
    }

    [Fact]
    public void n_goes_older_from_the_current_match_and_N_newer()
    {
        Assert.Equal(new LineRef("api", 2), LogSearch.Find(Lines, "GET", new LineRef("api", 4), 0, SearchDirection.Older)?.Line);
        Assert.Equal(new LineRef("api", 6), LogSearch.Find(Lines, "GET", new LineRef("api", 4), 0, SearchDirection.Newer)?.Line);
    }

    [Fact]
    public void The_search_wraps_around_at_the_ends()
    {
        Assert.Equal(new LineRef("api", 6), LogSearch.Find(Lines, "GET", new LineRef("api", 2), 0, SearchDirection.Older)?.Line);
        Assert.Equal(new LineRef("api", 2), LogSearch.Find(Lines, "GET", new LineRef("api", 6), 0, SearchDirection.Newer)?.Line);
    }

    [Fact]
    public void Escape_sequences_are_not_searched()
    {
        Assert.Null(LogSearch.Find(Lines, "32m", null, 0, SearchDirection.Older));
        Assert.Equal(new LineRef("api", 5), LogSearch.Find(Lines, "ok", null, 0, SearchDirection.Older)?.Line);
    }

    [Fact]
    public void Nothing_matching_gives_nothing()
    {
        Assert.Null(LogSearch.Find(Lines, "zzz", null, 0, SearchDirection.Newer));
        Assert.Null(LogSearch.Find([], "a", null, 0, SearchDirection.Newer));
    }
}
