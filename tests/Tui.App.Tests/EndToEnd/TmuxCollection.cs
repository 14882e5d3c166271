namespace Tui.App.Tests.EndToEnd;

/// <summary>The tmux tests share one terminal multiplexer binary and the machine's two cores: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TmuxCollection
{
    public const string Name = "tmux";
}
