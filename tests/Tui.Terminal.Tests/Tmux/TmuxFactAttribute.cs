namespace Tui.Terminal.Tests.Tmux;

/// <summary>A test that needs tmux; skipped, with a message naming tmux, where it is not installed.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!TmuxServer.IsInstalled) Skip = "tmux is not installed: the terminal restore tests need tmux on PATH";
    }
}
