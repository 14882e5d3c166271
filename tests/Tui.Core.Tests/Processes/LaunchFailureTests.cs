using System.Runtime.Versioning;
using Tui.Core.Processes;

namespace Tui.Core.Tests.Processes;

[SupportedOSPlatform("linux")]
public sealed class LaunchFailureTests : IDisposable
{
    private readonly ChildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Unknown_command_is_not_found(bool tty)
    {
        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec(["nosuch-command-tui", "x"], tty)));

        Assert.Equal("command not found: nosuch-command-tui", error.Message);
    }

    [Fact]
    public void A_NUL_in_an_argument_or_environment_value_is_refused_before_anything_starts()
    {
        var env = _harness.BaseEnvironment();
        env["BAD"] = "a\0b";

        var inValue = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec(["true"], env: env)));
        var inArgument = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec(["echo", "a\0b"])));

        Assert.Equal("cannot start true: an argument or environment variable contains a NUL character", inValue.Message);
        Assert.Equal("cannot start echo: an argument or environment variable contains a NUL character", inArgument.Message);
    }

    [Fact]
    public void Missing_path_is_not_found()
    {
        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec(["./missing.sh"])));

        Assert.StartsWith("command not found: ./missing.sh", error.Message);
    }

    [Fact]
    public void File_without_execute_permission_is_not_executable()
    {
        var script = _harness.WriteScript("plain.sh", "echo never", (UnixFileMode)0b110_100_100);

        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec([script])));

        Assert.Equal($"not executable: {script} (permission denied)", error.Message);
    }

    [Fact]
    public void Non_executable_file_on_PATH_is_not_executable()
    {
        var bin = _harness.Directory.CreateSubdirectory("bin");
        File.WriteAllText(Path.Combine(bin.FullName, "plain-tui"), "echo never\n");
        var env = _harness.BaseEnvironment();
        env["PATH"] = bin.FullName;

        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec(["plain-tui"], env: env)));

        Assert.StartsWith("not executable: plain-tui", error.Message);
    }

    [Fact]
    public void Directory_as_command_is_not_executable()
    {
        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec([_harness.Directory.FullName])));

        Assert.Equal($"not executable: {_harness.Directory.FullName} is a directory", error.Message);
    }

    [Fact]
    public void Missing_working_directory_does_not_exist()
    {
        var cwd = Path.Combine(_harness.Directory.FullName, "gone");

        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec(["true"], cwd: cwd)));

        Assert.Equal($"working directory does not exist: {cwd}", error.Message);
    }

    [Fact]
    public void File_as_working_directory_is_not_a_directory()
    {
        var file = _harness.WriteScript("file", "true");

        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec(["true"], cwd: file)));

        Assert.Equal($"working directory is not a directory: {file}", error.Message);
    }

    [Fact]
    public void Empty_argv_is_an_empty_command()
    {
        var error = Assert.Throws<LaunchException>(() => _harness.Start(_harness.Spec([])));

        Assert.Equal("empty command", error.Message);
    }

    [Fact]
    public void Invalid_window_size_is_a_launch_failure()
    {
        var spec = _harness.Spec(["true"], tty: true) with { WindowSize = new TerminalSize(0, 40) };

        var error = Assert.Throws<LaunchException>(() => _harness.Start(spec));

        Assert.Equal("invalid terminal size 0x40", error.Message);
    }
}
