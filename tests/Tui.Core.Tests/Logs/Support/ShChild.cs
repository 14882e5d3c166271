using System.Diagnostics;

namespace Tui.Core.Tests.Logs.Support;

/// <summary>
/// A real child for tests: <c>sh -c SCRIPT</c> with stdin, stdout and stderr all redirected (leaving one on the
/// terminal would make .NET touch the test runner's terminal). Dispose kills what is left of its tree by pid and reaps it.
/// </summary>
internal sealed class ShChild : IDisposable
{
    /// <summary>A test child that has not exited by then is stuck; fail rather than hang the run.</summary>
    public static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private ShChild(Process process) => Process = process;

    public Process Process { get; }
    public int Pid => Process.Id;
    public Stream Stdout => Process.StandardOutput.BaseStream;
    public Stream Stderr => Process.StandardError.BaseStream;

    public static ShChild Start(string script)
    {
        var info = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        return new ShChild(Process.Start(info)!);
    }

    /// <summary>Waits for the child to exit and returns its exit code.</summary>
    public int WaitForExit()
    {
        Assert.True(Process.WaitForExit(ExitTimeout), $"sh child {Pid} did not exit within {ExitTimeout}");
        return Process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit(ExitTimeout);
        }
        catch (InvalidOperationException)
        {
            // Already exited and reaped.
        }
        Process.Dispose();
    }
}
