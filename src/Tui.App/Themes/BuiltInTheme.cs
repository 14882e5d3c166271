using System.Collections.Immutable;
using Tui.Terminal.Drawing;

namespace Tui.App.Themes;

/// <summary>
/// The default theme compiled in, so the monitor draws even when no theme file can be found or read.
/// It uses only the 16 classic palette colours and the terminal's own background, so it suits any terminal;
/// themes/default.toml says the same thing (a test keeps the two equal).
/// </summary>
public static class BuiltInTheme
{
    public const string DefaultName = "default";

    public static Theme Default { get; } = new(DefaultName, Build());

    private static ImmutableArray<Color> Build()
    {
        var c = new Color[Enum.GetValues<ThemeRole>().Length];
        void Set(ThemeRole role, Color color) => c[(int)role] = color;
        Set(ThemeRole.Background, Color.Default);
        Set(ThemeRole.Text, Color.Default);
        Set(ThemeRole.Muted, Color.DarkGray);
        Set(ThemeRole.Accent, Color.Cyan);
        Set(ThemeRole.Border, Color.DarkGray);
        Set(ThemeRole.FocusBorder, Color.Cyan);
        Set(ThemeRole.Title, Color.White);
        Set(ThemeRole.SelectionBackground, Color.Blue);
        Set(ThemeRole.SelectionText, Color.White);
        Set(ThemeRole.HeaderBackground, Color.Default);
        Set(ThemeRole.HeaderText, Color.White);
        Set(ThemeRole.Key, Color.Yellow);
        Set(ThemeRole.Pending, Color.DarkGray);
        Set(ThemeRole.Waiting, Color.Yellow);
        Set(ThemeRole.Starting, Color.BrightYellow);
        Set(ThemeRole.Running, Color.Green);
        Set(ThemeRole.Ready, Color.BrightGreen);
        Set(ThemeRole.Paused, Color.Magenta);
        Set(ThemeRole.Stopping, Color.Yellow);
        Set(ThemeRole.Stopped, Color.Gray);
        Set(ThemeRole.Completed, Color.Cyan);
        Set(ThemeRole.Errored, Color.Red);
        Set(ThemeRole.Backoff, Color.BrightRed);
        Set(ThemeRole.Failed, Color.Red);
        Set(ThemeRole.Disabled, Color.DarkGray);
        Set(ThemeRole.Stderr, Color.BrightRed);
        Set(ThemeRole.System, Color.Cyan);
        Set(ThemeRole.SearchMatch, Color.Yellow);
        Set(ThemeRole.SearchCurrent, Color.BrightMagenta);
        Set(ThemeRole.SparklineCpu, Color.Green);
        Set(ThemeRole.SparklineMemory, Color.Blue);
        Set(ThemeRole.Gauge, Color.Cyan);
        Set(ThemeRole.NotifyInfo, Color.Cyan);
        Set(ThemeRole.NotifyWarning, Color.Yellow);
        Set(ThemeRole.NotifyError, Color.BrightRed);
        return [.. c];
    }
}
