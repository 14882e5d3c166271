using Tui.Core.Logs;

namespace Tui.App.Tests.Cli;

/// <summary>tui send, run as the real program against a served engine with real children.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SendCommandTests
{
    private const string CatAndWeb = """
        [processes.cat]
        command = "exec cat"
        stdin = true

        [processes.web]
        command = "exec sleep 300"

        [processes.ask]
        command = "read x; echo \"got [$x]\"; exec sleep 300"
        stdin = true
        """;

    private static async Task<CliFixture> Running()
    {
        var f = new CliFixture();
        await f.Serve(CatAndWeb);
        await f.Until(s => s.All(p => p.State == Tui.Core.Supervision.ProcessState.Ready));
        return f;
    }

    private static IEnumerable<string> Output(CliFixture f, string process) =>
        f.Engine.RecentLogs(process, 100).Where(l => l.Stream != LogStream.System).Select(l => l.Text);

    [Fact]
    public async Task Send_writes_the_text_and_a_newline_and_prints_nothing()
    {
        await using var f = await Running();

        var (exit, output, error) = await f.Tui("send", "cat", "hello there");
        await f.UntilLogs(() => Output(f, "cat").Contains("hello there"));

        Assert.True(exit == 0, error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task No_newline_sends_the_text_exactly()
    {
        await using var f = await Running();

        // read ends its line only at the newline of the second send.
        var first = await f.Tui("send", "--no-newline", "ask", "ab");
        var second = await f.Tui("send", "ask", "c");
        await f.UntilLogs(() => Output(f, "ask").Any());

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.Equal(["got [abc]"], Output(f, "ask"));
    }

    [Fact]
    public async Task A_process_without_stdin_exits_1_and_an_unknown_one_4_with_the_reason()
    {
        await using var f = await Running();

        var web = await f.Tui("send", "web", "hi");
        var unknown = await f.Tui("send", "nope", "hi");

        Assert.Equal((1, "", "tui send: web has no stdin: set stdin = true or tty = true\n"), web);
        Assert.Equal((4, "", "tui send: no process named \"nope\"\n"), unknown);
    }

    [Fact]
    public async Task Send_without_a_running_instance_exits_69()
    {
        await using var f = new CliFixture();
        f.WriteConfig(CatAndWeb);

        var (exit, _, error) = await f.Tui("send", "cat", "hi");

        Assert.Equal(69, exit);
        Assert.Contains("is not running (start it with tui up -d", error);
    }
}
