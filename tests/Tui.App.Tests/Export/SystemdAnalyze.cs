using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Tui.App.Export.Systemd;

namespace Tui.App.Tests.Export;

/// <summary>
/// Runs the real systemd-analyze: <c>verify</c> on exported units (offline: no man pages, no generators, only the
/// given units' own errors; user units get a private XDG_RUNTIME_DIR, as there is no user manager), and
/// <c>calendar</c> to read how systemd itself understands an OnCalendar= value.
/// </summary>
public static partial class SystemdAnalyze
{
    public static string? Program { get; } =
        ProgramPaths.FromEnvironment().Resolve("systemd-analyze", "/", new Dictionary<string, string>());

    public static bool IsInstalled => Program is not null;

    public const string MissingMessage = "systemd-analyze is not installed (apt-get install systemd); the export verification tests need it";

    public static async Task<(int Exit, string Output)> VerifyAsync(IEnumerable<string> unitFiles, bool user = false)
    {
        using var runtime = user ? new TempFolder("tui-runtime-") : null;
        string[] args = ["verify", "--man=no", "--generators=no", "--recursive-errors=no", .. user ? new[] { "--user" } : [], .. unitFiles];
        var environment = runtime is null ? null : new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime.Path };
        return await RunAsync(args, environment);
    }

    /// <summary>The next <paramref name="count"/> times systemd elapses <paramref name="calendar"/> after <paramref name="after"/>, in UTC.</summary>
    public static async Task<IReadOnlyList<DateTime>> CalendarAsync(string calendar, DateTime after, int count)
    {
        var (exit, output) = await RunAsync(
            ["calendar", $"--iterations={count}", "--base-time=@" + new DateTimeOffset(after).ToUnixTimeSeconds(), calendar],
            new Dictionary<string, string> { ["TZ"] = "UTC" });
        Assert.True(exit == 0, $"systemd-analyze calendar \"{calendar}\" failed:\n{output}");
        return [.. ElapseLine().Matches(output).Select(m =>
            DateTime.SpecifyKind(DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc))];
    }

    [GeneratedRegex(@"(?:Next elapse|Iter\. #\d+): \w{3} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC")]
    private static partial Regex ElapseLine();

    private static async Task<(int Exit, string Output)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Program ?? throw new InvalidOperationException(MissingMessage))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await output) + (await error));
    }
}

/// <summary>A fact that runs systemd-analyze; skipped, with a message naming it, where it is not installed.</summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        if (!SystemdAnalyze.IsInstalled) Skip = SystemdAnalyze.MissingMessage;
    }
}

/// <summary>A theory that runs systemd-analyze; skipped, with a message naming it, where it is not installed.</summary>
public sealed class SystemdAnalyzeTheoryAttribute : TheoryAttribute
{
    public SystemdAnalyzeTheoryAttribute()
    {
        if (!SystemdAnalyze.IsInstalled) Skip = SystemdAnalyze.MissingMessage;
    }
}
