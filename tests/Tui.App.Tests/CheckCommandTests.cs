using System.CommandLine;
using System.Diagnostics;
using Tui.App.Commands;

namespace Tui.App.Tests;

/// <summary>tui check, driven through its System.CommandLine command with real files in a temp folder.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tui-check-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Check(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(CheckCommand.Build());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["check", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_valid_config_prints_a_summary_and_exits_0()
    {
        var path = Write("processes.toml", """
            [processes.api]
            command = "python3 -m http.server 8080"
            group = "web"
            restart = "always"

            [processes.worker]
            command = ["node", "worker.js", "--queue", "jobs high"]
            group = "web"
            replicas = 2

            [processes.migrate]
            command = "./migrate.sh"
            kind = "job"
            disabled = true
            """);
        var (exit, output, error) = Check("-c", path);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal($"""
            {path}: OK, 4 processes in 1 group (web)
              NAME      GROUP  KIND     RESTART        COMMAND
              api       web    service  always         python3 -m http.server 8080
              worker-1  web    service  on-failure     node worker.js --queue 'jobs high'
              worker-2  web    service  on-failure     node worker.js --queue 'jobs high'
              migrate   -      job      no (disabled)  ./migrate.sh

            """, output);
    }

    [Fact]
    public void Long_commands_are_cut_to_keep_one_line_per_process()
    {
        var path = Write("processes.toml", $"[processes.long]\ncommand = \"echo {new string('x', 100)}\"\n");
        var (exit, output, _) = Check("-c", path);
        Assert.Equal(0, exit);
        var line = output.Split('\n')[2];
        Assert.EndsWith("echo " + new string('x', CheckCommand.MaxCommandWidth - 6) + "…", line);
    }

    [Fact]
    public void An_invalid_config_prints_every_error_with_its_line_and_exits_1()
    {
        var path = Write("processes.toml", """
            [processes.api]
            command = "serve"
            restrat = "always"
            stop_timeout = 5
            """);
        var (exit, output, error) = Check("--config", path);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"""
            {path}:3:1: unknown key `restrat` in [processes.api]; did you mean `restart`?
             3 | restrat = "always"
               | ^

            {path}:4:16: stop_timeout must be a duration string with a unit; write "5s" or "5ms"
             4 | stop_timeout = 5
               |                ^

            {path}: 2 errors

            """, error);
    }

    [Fact]
    public void A_toml_syntax_error_is_shown_with_its_caret()
    {
        var path = Write("processes.toml", "[processes.api\ncommand = \"x\"\n");
        var (exit, _, error) = Check("-c", path);
        Assert.Equal(1, exit);
        Assert.StartsWith($"{path}:1:", error);
        Assert.Contains("\n 1 | [processes.api\n", error);
        Assert.EndsWith($"{path}: 1 error\n", error);
    }

    /// <summary>The six mistakes people make most in TOML, each as tui check shows it: file:line:col, the reason, the quoted line and a caret.</summary>
    [Theory]
    [InlineData("unterminated string", "command = \"serve\n", 2, 17,
        "unterminated string: a \"...\" string must close on its own line (\"\"\"...\"\"\" spans lines)", "command = \"serve")]
    [InlineData("duplicate key", "command = \"a\"\ncommand = \"b\"\n", 3, 1,
        "duplicate key `processes.api.command`: it was already defined at line 2, column 1", "command = \"b\"")]
    [InlineData("missing =", "command \"serve\"\n", 2, 9,
        "expected `=` after a key, found \"serve\"", "command \"serve\"")]
    [InlineData("unquoted value", "command = serve --port 80\n", 2, 11,
        "expected a value, found `serve`; strings must be quoted: \"serve ...\"", "command = serve --port 80")]
    [InlineData("table defined twice", "command = \"a\"\n\n[processes.api]\ncommand = \"b\"\n", 4, 1,
        "table [processes.api] is defined twice (first at line 1, column 1)", "[processes.api]")]
    [InlineData("bad escape", "command = \"dir C:\\temp\\new\\dir\"\n", 2, 27,
        "invalid escape sequence `\\d`; write `\\\\` for a backslash (or use a 'literal string'), valid escapes are \\b \\t \\n \\f \\r \\e \\\" \\\\ \\xHH \\uHHHH \\UHHHHHHHH",
        "command = \"dir C:\\temp\\new\\dir\"")]
    public void A_typical_toml_mistake_names_its_place_quotes_the_line_and_puts_a_caret_under_it(
        string mistake, string afterHeader, int line, int column, string reason, string quoted)
    {
        var path = Write("processes.toml", "[processes.api]\n" + afterHeader);
        var (exit, output, error) = Check("-c", path);
        Assert.True(exit == 1, mistake);
        Assert.Equal("", output);
        var gutter = new string(' ', line.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        Assert.Equal($"""
            {path}:{line}:{column}: {reason}
             {line} | {quoted}
             {gutter} | {new string(' ', column - 1)}^

            {path}: 1 error

            """, error);
    }

    [Fact]
    public void Errors_in_an_env_file_name_that_file()
    {
        Write("app.env", "GOOD=1\nBAD LINE\n");
        var path = Write("processes.toml", "env_file = \"app.env\"\n[processes.api]\ncommand = \"x\"\n");
        var (exit, _, error) = Check("-c", path);
        Assert.Equal(1, exit);
        Assert.StartsWith($"{Path.Combine(_folder.FullName, "app.env")}:2:5: expected \"=\" after BAD\n 2 | BAD LINE\n", error);
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exits_1()
    {
        var path = Path.Combine(_folder.FullName, "nowhere.toml");
        var (exit, output, error) = Check("-c", path);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"tui check: {path}: no such file\n", error);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_error_not_a_crash()
    {
        var path = Path.Combine(_folder.FullName, "processes.toml");
        File.WriteAllBytes(path, [.. "[processes.api]\ncommand = \""u8, 0xFF, 0xFE, .. "\"\n"u8]);
        var (exit, _, error) = Check("-c", path);
        Assert.Equal(1, exit);
        Assert.StartsWith($"{path}:2:", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task The_real_program_reads_processes_toml_in_the_current_folder_by_default()
    {
        Write("processes.toml", "[processes.api]\ncommand = \"serve\"\n");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "tui"), "check")
        {
            WorkingDirectory = _folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail("tui check did not exit within 30s");
        }
        Assert.Equal("", await error);
        Assert.StartsWith("processes.toml: OK, 1 process\n", await output);
        Assert.Equal(0, process.ExitCode);
    }
}
