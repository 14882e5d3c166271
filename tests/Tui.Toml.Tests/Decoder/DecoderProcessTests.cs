using System.Diagnostics;
using System.Text;
using Tui.Toml.Tests.Conformance;

namespace Tui.Toml.Tests.Decoder;

/// <summary>The real toml-decoder program: TOML on stdin, tagged JSON on stdout and exit 0, or the error on stderr and exit 1.</summary>
public sealed class DecoderProcessTests
{
    /// <summary>Generous: the program starts the runtime and decodes a few bytes.</summary>
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static (int ExitCode, string Stdout, string Stderr) RunDecoder(byte[] stdin)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "toml-decoder.dll");
        // The dotnet CLI tells child processes where its host is; fall back to the one on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet, [dll])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
            Assert.True(process.WaitForExit(ExitTimeout), "toml-decoder did not exit");
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Valid_toml_is_written_as_tagged_json_with_exit_code_0()
    {
        var (exitCode, stdout, stderr) = RunDecoder("n = 0xff\n[t]\nd = 1979-05-27\n"u8.ToArray());
        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        using var expected = TaggedJsonComparer.ParseJson("""
            {"n": {"type": "integer", "value": "255"}, "t": {"d": {"type": "date-local", "value": "1979-05-27"}}}
            """);
        using var actual = TaggedJsonComparer.ParseJson(stdout);
        Assert.Null(TaggedJsonComparer.Difference(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void Invalid_toml_prints_the_error_with_a_caret_and_exits_1()
    {
        var (exitCode, stdout, stderr) = RunDecoder("a = 1\nb = [1,,2]\n"u8.ToArray());
        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal("<stdin>:2:8: expected a value, found `,`\n 2 | b = [1,,2]\n   |        ^\n", stderr.ReplaceLineEndings("\n"));
    }
}
