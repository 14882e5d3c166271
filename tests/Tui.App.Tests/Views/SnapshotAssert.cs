using System.Runtime.CompilerServices;
using System.Text;
using Tui.Terminal.Drawing;

namespace Tui.App.Tests.Views;

/// <summary>
/// Compares a rendered screen with Snapshots/NAME.txt. UPDATE_SNAPSHOTS=1 (re)writes the file; a mismatch writes
/// NAME.txt.actual beside it and fails with both screens, line by line, marking the lines that differ.
/// </summary>
public static class SnapshotAssert
{
    private const string Folder = "Snapshots";

    public static void Matches(string name, CellBuffer buffer, [CallerFilePath] string callerFile = "") =>
        MatchesLines(name, buffer.ToLines(), callerFile);

    /// <summary>The same for a text file (an exported unit): compared line by line, trailing spaces aside.</summary>
    public static void Matches(string name, string text, [CallerFilePath] string callerFile = "") =>
        MatchesLines(name, text.TrimEnd('\n').Split('\n'), callerFile);

    private static void MatchesLines(string name, IEnumerable<string> lines, string callerFile)
    {
        var directory = Path.GetDirectoryName(Path.Combine(ProjectDirectory(callerFile), Folder, name + ".txt"))!;
        var expectedPath = Path.Combine(ProjectDirectory(callerFile), Folder, name + ".txt");
        var actualLines = lines.Select(l => l.TrimEnd()).ToArray();
        var actual = string.Join('\n', actualLines) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
            return;
        }
        if (!File.Exists(expectedPath))
        {
            File.WriteAllText(expectedPath + ".actual", actual);
            Assert.Fail($"no snapshot {expectedPath}; run with UPDATE_SNAPSHOTS=1 to record it. The screen was:\n{Frame(actualLines)}");
        }
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected == actual)
        {
            File.Delete(expectedPath + ".actual");
            return;
        }
        File.WriteAllText(expectedPath + ".actual", actual);
        var expectedLines = expected.TrimEnd('\n').Split('\n');
        Assert.Fail($"screen differs from {name}.txt (actual written to {name}.txt.actual)\n" + SideBySide(expectedLines, actualLines));
    }

    private static string ProjectDirectory(string callerFile)
    {
        var dir = Path.GetDirectoryName(callerFile);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Tui.App.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("cannot find the test project folder from " + callerFile);
    }

    private static string Frame(IEnumerable<string> lines) => string.Join('\n', lines.Select(l => "|" + l));

    private static string SideBySide(string[] expected, string[] actual)
    {
        var sb = new StringBuilder();
        sb.AppendLine("expected:");
        sb.AppendLine(Frame(expected));
        sb.AppendLine("actual:");
        sb.AppendLine(Frame(actual));
        sb.AppendLine("differing lines:");
        for (int i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "<none>";
            var a = i < actual.Length ? actual[i] : "<none>";
            if (e == a) continue;
            sb.AppendLine($"{i,3} - {e}");
            sb.AppendLine($"{i,3} + {a}");
        }
        return sb.ToString();
    }
}
