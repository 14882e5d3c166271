namespace Tui.Core.Stats;

/// <summary>How a sampling round finds the members of a process tree in /proc.</summary>
internal interface IProcessTreeFinder
{
    /// <summary>Called once per round, before any tree of that round is walked.</summary>
    void BeginRound();

    /// <summary>
    /// Calls the visitor for the root (first) and every descendant. False, visiting nothing, when the root is gone or
    /// a zombie.
    /// </summary>
    bool VisitTree<TVisitor>(int rootPid, ref TVisitor visitor) where TVisitor : struct, ITreeVisitor;
}

/// <summary>What a tree walk does with each member; a struct so the walk is specialised and allocation-free.</summary>
internal interface ITreeVisitor
{
    void Visit(in ProcStatFields process);
}
