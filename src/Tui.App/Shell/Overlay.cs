namespace Tui.App.Shell;

/// <summary>Something drawn over the panes that takes the keyboard until it closes.</summary>
public abstract record Overlay
{
    /// <summary>The key list (? / F1).</summary>
    public sealed record Help(int Scroll) : Overlay;

    /// <summary>A yes/no question; <paramref name="OnYes"/> runs on y or Enter.</summary>
    public sealed record Confirm(string Question, Effect OnYes) : Overlay;

    /// <summary>A one-line text input at the bottom (search, filters); the state follows it live as the user types.</summary>
    public sealed record Prompt(PromptKind Kind, string Text) : Overlay;

    /// <summary>
    /// Input mode: keys go to <paramref name="Process"/> until ctrl+] leaves. A pipe is line-edited here
    /// (<paramref name="Line"/>, sent with Enter); a pty (<paramref name="Raw"/>) gets each key as terminal bytes.
    /// </summary>
    public sealed record Input(string Process, bool Raw, string Line) : Overlay;

    /// <summary>'g' was pressed: the next key picks a group action.</summary>
    public sealed record GroupPrefix : Overlay;
}

public enum PromptKind { Search, ListFilter, LogFilter }
