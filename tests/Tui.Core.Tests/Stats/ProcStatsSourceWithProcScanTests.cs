namespace Tui.Core.Tests.Stats;

/// <summary>Members found by one scan of all of /proc per round (the fallback).</summary>
public sealed class ProcStatsSourceWithProcScanTests() : ProcStatsSourceTests(useChildrenFiles: false);
