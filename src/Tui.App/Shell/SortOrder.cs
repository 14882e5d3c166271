namespace Tui.App.Shell;

/// <summary>How processes are ordered within their group; 'o' cycles through these in order.</summary>
public enum SortOrder { Config, Name, Cpu, Memory, Restarts }
