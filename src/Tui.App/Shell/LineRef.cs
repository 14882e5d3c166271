namespace Tui.App.Shell;

/// <summary>One log line, by identity: a process and that process's line sequence number.</summary>
public readonly record struct LineRef(string Process, long Sequence);
