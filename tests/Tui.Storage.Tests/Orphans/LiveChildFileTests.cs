using Tui.Storage.Orphans;
using Tui.Storage.Tests.Support;

namespace Tui.Storage.Tests.Orphans;

public sealed class LiveChildFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Children_round_trip_with_names_that_have_spaces_and_line_breaks()
    {
        var path = _dir.File("x.children");
        LiveChildFile.Write(path, new ProcessIdentity(10, 500), [new("web api", 11, 11, 600), new("two\nlines", 12, 12, 700)]);

        var read = LiveChildFile.Read(path)!;

        Assert.Equal(new ProcessIdentity(10, 500), read.Owner);
        Assert.Equal([new LiveChild("web api", 11, 11, 600), new LiveChild("two lines", 12, 12, 700)], read.Children);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Lines_it_does_not_understand_are_skipped()
    {
        var path = _dir.File("x.children");
        File.WriteAllText(path, "garbage\nchild 0 0 5 zero-pid\nchild 12 12 notanumber api\nchild 13 13 900 ok\nowner x y\n");

        var read = LiveChildFile.Read(path)!;

        Assert.Null(read.Owner);
        Assert.Equal([new LiveChild("ok", 13, 13, 900)], read.Children);
    }

    [Fact]
    public void A_missing_file_reads_as_null() => Assert.Null(LiveChildFile.Read(_dir.File("none.children")));
}
