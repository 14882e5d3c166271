namespace Tui.App.Views;

/// <summary>The process list's columns, in screen order.</summary>
public enum ListColumn { Name, State, Pid, Uptime, Restarts, Cpu, CpuHistory, Memory, MemoryHistory, Exit, Health }

/// <summary>One column as laid out for a frame: where it starts and how wide it is.</summary>
public readonly record struct PlacedColumn(ListColumn Column, int X, int Width);
