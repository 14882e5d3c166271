namespace Tui.Terminal.Widgets;

/// <summary>A key and what it does, as shown in a <see cref="KeyHintBar"/>: ("q", "quit").</summary>
public readonly record struct KeyHint(string Key, string Label);
