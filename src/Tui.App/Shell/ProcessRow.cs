using System.Collections.Immutable;
using Tui.Core.Supervision;

namespace Tui.App.Shell;

/// <summary>A row of the process list as drawn: a group's header, or a process.</summary>
public abstract record ProcessRow(RowKey Key)
{
    /// <param name="Members">All processes of the group (even those a filter hides): group actions act on these.</param>
    public sealed record GroupHeader(string Group, bool Collapsed, ImmutableArray<ProcessSnapshot> Members) : ProcessRow(RowKey.Group(Group));

    /// <param name="InGroup">Drawn indented under its group's header.</param>
    public sealed record Item(ProcessSnapshot Snapshot, bool InGroup) : ProcessRow(RowKey.Process(Snapshot.Name));
}
