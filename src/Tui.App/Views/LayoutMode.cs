namespace Tui.App.Views;

/// <summary>
/// How the screen is divided: Compact for small terminals (80x24: no boxes, no detail pane), Tall (list above detail
/// above logs) and Wide (list and detail on the left, logs on the right).
/// </summary>
public enum LayoutMode { Compact, Tall, Wide }
