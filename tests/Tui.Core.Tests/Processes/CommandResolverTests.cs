using System.Runtime.Versioning;
using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

[SupportedOSPlatform("linux")]
public sealed class CommandResolverTests : IDisposable
{
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Readable = (UnixFileMode)0b110_100_100;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tui-resolve-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Name_is_looked_up_in_PATH_order()
    {
        var first = MakeFile("a/tool", Executable);
        MakeFile("b/tool", Executable);

        Assert.Equal(first, CommandResolver.Resolve("tool", "/", $"{Dir("a")}:{Dir("b")}"));
    }

    [Fact]
    public void Non_executable_match_is_skipped_for_a_later_executable_one()
    {
        MakeFile("a/tool", Readable);
        var second = MakeFile("b/tool", Executable);

        Assert.Equal(second, CommandResolver.Resolve("tool", "/", $"{Dir("a")}:{Dir("b")}"));
    }

    [Fact]
    public void Empty_PATH_entry_means_the_working_directory()
    {
        var tool = MakeFile("tool", Executable);

        Assert.Equal(tool, CommandResolver.Resolve("tool", _dir.FullName, "/nonexistent-tui:"));
    }

    [Fact]
    public void Relative_path_resolves_against_the_working_directory()
    {
        var tool = MakeFile("sub/tool", Executable);

        Assert.Equal(tool, CommandResolver.Resolve("./sub/tool", _dir.FullName, null));
    }

    [Fact]
    public void Missing_PATH_uses_the_execvp_default()
    {
        Assert.Equal("/bin/sh", CommandResolver.Resolve("sh", "/", null));
    }

    private string Dir(string name) => Path.Combine(_dir.FullName, name);

    private string MakeFile(string relative, UnixFileMode mode)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, mode);
        return path;
    }
}
