namespace Tui.App.Tests.EndToEnd;

/// <summary>A test that drives the real program in tmux; skipped, with a message naming tmux, where tmux is not installed.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!TmuxSession.IsInstalled) Skip = "tmux is not installed (apt-get install tmux); the end-to-end monitor tests need it";
    }
}
