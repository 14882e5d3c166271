namespace Tui.Jobs;

/// <summary>When a process that ended is started again.</summary>
public enum Restart
{
    /// <summary>Never: an exit is final.</summary>
    Never,

    /// <summary>Only after a failure (a non-zero exit or a signal); a clean exit is final.</summary>
    OnFailure,

    /// <summary>After every exit, clean or not, until stopped.</summary>
    Always,
}
