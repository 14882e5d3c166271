using System.CommandLine;
using Tui.App.Commands;

namespace Tui.App.Tests.Export;

/// <summary>tui export systemd through its System.CommandLine command: the files it writes, its stderr notes, and bad input.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("tui-export-cmd-");

    public void Dispose() => _folder.Dispose();

    private static (int Exit, string Output, string Error) Export(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ExportCommand.Build());
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["export", "systemd", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void It_writes_the_units_into_the_folder_named_after_the_configs_folder_and_lists_them()
    {
        var stack = Directory.CreateDirectory(Path.Combine(_folder.Path, "shop")).FullName;
        var config = Path.Combine(stack, "processes.toml");
        File.WriteAllText(config, "[processes.api]\ncommand = \"api\"\n");
        var units = Path.Combine(_folder.Path, "out", "units");

        var (exit, output, error) = Export("-c", config, "-o", units);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal($"{units}/tui-shop-api.service\n{units}/tui-shop.target\n", output);
        Assert.Contains("\nExecStart=/bin/sh -c api\n", File.ReadAllText(Path.Combine(units, "tui-shop-api.service")));
    }

    [Fact]
    public void What_systemd_cannot_do_is_listed_on_stderr_and_in_the_unit()
    {
        var config = _folder.Write("processes.toml", """
            [processes.web]
            command = "web"
            tty = true
            watch = { paths = ["src/**"] }
            liveness = { http = "http://127.0.0.1:8080/health" }
            [processes.web.events.deployed]
            version = "string"
            """);
        var units = Path.Combine(_folder.Path, "units");

        var (exit, _, error) = Export("-c", config, "-o", units, "--name", "demo");

        Assert.Equal(0, exit);
        string[] notes =
        [
            "liveness check (GET http://127.0.0.1:8080/health): systemd does not run it, so a failing check restarts nothing",
            "watch (src/**): systemd does not restart it when these files change",
            "tty = true: systemd gives it no terminal; its output goes to the journal through a pipe",
            "events (deployed): systemd does not read typed child events",
        ];
        Assert.Equal(string.Concat(notes.Select(n => $"tui export: web: {n}\n")), error);
        var unit = File.ReadAllText(Path.Combine(units, "tui-demo-web.service"));
        Assert.Contains("# Not expressible in systemd:\n" + string.Concat(notes.Select(n => $"#   - {n}\n")), unit);
    }

    [Fact]
    public void Each_note_on_stderr_is_one_line_even_when_the_config_value_has_a_newline_or_an_escape()
    {
        var config = _folder.Write("processes.toml", "[processes.web]\ncommand = \"web\"\nreadiness = { output = \"ready\\n\\u001bX\" }\n");

        var (exit, _, error) = Export("-c", config, "-o", Path.Combine(_folder.Path, "units"));

        Assert.Equal(0, exit);
        Assert.Equal("tui export: web: readiness check (output /ready\\n\\x1bX/): systemd does not run it; it counts the process ready once it has started\n", error);
    }

    [Fact]
    public void A_missing_config_is_named_with_exit_1()
    {
        var (exit, output, error) = Export("-c", Path.Combine(_folder.Path, "nope.toml"), "-o", _folder.Path);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"tui export: {Path.Combine(_folder.Path, "nope.toml")}: no such file\n", error);
    }

    [Fact]
    public void A_config_error_is_shown_at_its_line_and_column_with_exit_1_and_nothing_is_written()
    {
        var config = _folder.Write("processes.toml", "[processes.api]\ncommand = \"api\"\nrestart = \"sometimes\"\n");
        var units = Path.Combine(_folder.Path, "units");

        var (exit, output, error) = Export("-c", config, "-o", units);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"{config}:3:11: ", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(units));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_is_named_with_exit_1()
    {
        var config = _folder.Write("processes.toml", "[processes.api]\ncommand = \"api\"\n");
        var blocker = _folder.Write("a-file", "");

        var (exit, output, error) = Export("-c", config, "-o", Path.Combine(blocker, "units"));

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"tui export: cannot write the units to {Path.Combine(blocker, "units")}: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void An_empty_stack_name_is_a_usage_error()
    {
        var config = _folder.Write("processes.toml", "[processes.api]\ncommand = \"api\"\n");

        var (exit, _, error) = Export("-c", config, "--name", " ");

        Assert.Equal(2, exit);
        Assert.Equal("tui export: --name: the stack name cannot be empty\n", error);
    }
}
