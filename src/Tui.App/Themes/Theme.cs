using System.Collections.Immutable;
using System.Text;
using Tui.Core.Supervision;
using Tui.Terminal.Drawing;

namespace Tui.App.Themes;

/// <summary>A named set of colours, one per <see cref="ThemeRole"/>; the views ask it for styles by role.</summary>
public sealed record Theme(string Name, ImmutableArray<Color> Colors)
{
    public Color this[ThemeRole role] => Colors[(int)role];

    /// <summary>The snake_case key of a role in a theme file.</summary>
    public static string KeyOf(ThemeRole role)
    {
        var name = role.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    public static ThemeRole RoleOf(ProcessState state) => state switch
    {
        ProcessState.Pending => ThemeRole.Pending,
        ProcessState.Waiting => ThemeRole.Waiting,
        ProcessState.Queued => ThemeRole.Waiting, // waiting too: for the pool rather than for dependencies
        ProcessState.Starting => ThemeRole.Starting,
        ProcessState.Running => ThemeRole.Running,
        ProcessState.Ready => ThemeRole.Ready,
        ProcessState.Paused => ThemeRole.Paused,
        ProcessState.Stopping => ThemeRole.Stopping,
        ProcessState.Stopped => ThemeRole.Stopped,
        ProcessState.Completed => ThemeRole.Completed,
        ProcessState.Errored => ThemeRole.Errored,
        ProcessState.Backoff => ThemeRole.Backoff,
        ProcessState.Failed => ThemeRole.Failed,
        _ => ThemeRole.Disabled,
    };

    /// <summary>Plain text on the theme's background.</summary>
    public Style Base => new Style().Fg(this[ThemeRole.Text]).Bg(this[ThemeRole.Background]);

    /// <summary>A foreground role on the theme's background.</summary>
    public Style Fg(ThemeRole role) => Base.Fg(this[role]);

    public Style State(ProcessState state) => Fg(RoleOf(state));

    public Style Selection => new Style().Fg(this[ThemeRole.SelectionText]).Bg(this[ThemeRole.SelectionBackground]);

    public Style Header => new Style().Fg(this[ThemeRole.HeaderText]).Bg(this[ThemeRole.HeaderBackground]);
}
