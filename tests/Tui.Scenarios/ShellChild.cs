using System.Diagnostics;

namespace Tui.Scenarios;

/// <summary>Starts <c>sh -c SCRIPT</c> with all three standard streams redirected, as the supervisor does.</summary>
internal static class ShellChild
{
    public static Process Start(string script)
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
        return Process.Start(info)!;
    }
}
