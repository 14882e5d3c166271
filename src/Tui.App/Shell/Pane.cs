namespace Tui.App.Shell;

/// <summary>Which pane has the keyboard.</summary>
public enum Pane { List, Logs }
