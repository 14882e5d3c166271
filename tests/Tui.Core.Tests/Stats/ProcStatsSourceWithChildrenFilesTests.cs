namespace Tui.Core.Tests.Stats;

/// <summary>Members found through /proc/PID/task/TID/children (the default where the kernel has them).</summary>
public sealed class ProcStatsSourceWithChildrenFilesTests() : ProcStatsSourceTests(useChildrenFiles: true);
