using Tui.Terminal.Widgets;

namespace Tui.App.Shell;

/// <summary>Something drawn over the panes that takes the keyboard until it closes.</summary>
public abstract record Overlay
{
    /// <summary>The key list (? / F1).</summary>
    public sealed record Help(int Scroll) : Overlay;

    /// <summary>A yes/no question; <paramref name="OnYes"/> runs on y or Enter.</summary>
    public sealed record Confirm(string Question, Effect OnYes) : Overlay;

    /// <summary>A one-line text input at the bottom (search, filters); the state follows it live as the user types.</summary>
    /// <param name="Edit">The text and where the cursor is in it.</param>
    public sealed record Prompt(PromptKind Kind, TextEdit Edit) : Overlay
    {
        /// <summary>A prompt holding <paramref name="text"/>, the cursor at its end.</summary>
        public Prompt(PromptKind kind, string text) : this(kind, new TextEdit(text))
        {
        }

        public string Text => Edit.Text;

        /// <summary>This kind's earlier entries, and where up/down has stepped to in them.</summary>
        public InputHistory History { get; init; } = InputHistory.Empty;
    }

    /// <summary>
    /// The command palette (: or ctrl+p): a query, and the chosen line among the entries matching it
    /// (<see cref="Tui.App.Palette.PaletteSearch.Results"/>, computed from the state, so not kept here).
    /// </summary>
    public sealed record Palette(TextEdit Query, int Selected) : Overlay;

    /// <summary>
    /// Input mode: keys go to <paramref name="Process"/> until ctrl+] leaves. A pipe is line-edited here
    /// (<paramref name="Line"/>, sent with Enter); a pty (<paramref name="Raw"/>) gets each key as terminal bytes.
    /// </summary>
    public sealed record Input(string Process, bool Raw, TextEdit Line) : Overlay
    {
        /// <summary>Input mode on <paramref name="Line"/>, the cursor at its end.</summary>
        public Input(string Process, bool Raw, string Line) : this(Process, Raw, new TextEdit(Line))
        {
        }

        /// <summary>The lines sent to this process in this input mode, for up/down to recall (a pipe only).</summary>
        public InputHistory History { get; init; } = InputHistory.Empty;
    }

    /// <summary>'g' was pressed: the next key picks a group action.</summary>
    public sealed record GroupPrefix : Overlay;
}

public enum PromptKind { Search, ListFilter, LogFilter }
