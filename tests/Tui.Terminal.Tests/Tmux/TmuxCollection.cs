namespace Tui.Terminal.Tests.Tmux;

/// <summary>Tests that drive a real tmux run one at a time: they start real processes and time out on what a busy machine does.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TmuxCollection
{
    public const string Name = "tmux";
}
