using System.Reactive.Concurrency;
using Tui.Core.Supervision;
using static Tui.Core.Supervision.ProcessState;

namespace Tui.Core.Tests.Supervision;

public sealed class TransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_state_trigger_pair_is_applied_as_the_table_says_or_refused_without_change()
    {
        var clock = new HistoricalScheduler(T0);
        var checkedPairs = 0;
        foreach (var from in Enum.GetValues<ProcessState>())
        {
            foreach (var trigger in Enum.GetValues<Trigger>())
            {
                var machine = new ProcessStateMachine("p", from, clock);
                clock.AdvanceBy(TimeSpan.FromSeconds(1));
                var change = machine.Fire(trigger, "because", pid: 42);

                if (TransitionTable.TryNext(from, trigger, out var to))
                {
                    Assert.NotNull(change);
                    Assert.Equal(new StateChanged(clock.Now, "p", from, to, "because", 42), change);
                    Assert.Equal(to, machine.State);
                    Assert.Equal(clock.Now, machine.Since);
                    Assert.Equal("because", machine.Reason);
                }
                else
                {
                    Assert.Null(change);
                    Assert.Equal(from, machine.State);
                    Assert.Equal(clock.Now - TimeSpan.FromSeconds(1), machine.Since);
                    Assert.Null(machine.Reason);
                }
                checkedPairs++;
            }
        }
        Assert.Equal(Enum.GetValues<ProcessState>().Length * Enum.GetValues<Trigger>().Length, checkedPairs);
    }

    [Theory]
    [InlineData(Stopping, Trigger.ExitRestart)]   // a user stop never turns into a restart
    [InlineData(Stopping, Trigger.ExitFailed)]
    [InlineData(Stopped, Trigger.Alive)]
    [InlineData(Running, Trigger.Spawned)]        // one child per process at a time
    [InlineData(Paused, Trigger.Pause)]
    [InlineData(Disabled, Trigger.Spawned)]       // a disabled process never starts
    [InlineData(Completed, Trigger.StopRequested)]
    [InlineData(Pending, Trigger.StopRequested)]
    [InlineData(Running, Trigger.Enqueue)]        // only a job that is not running can wait for the pool
    [InlineData(Disabled, Trigger.Enqueue)]
    public void Illegal_pairs_are_refused(ProcessState from, Trigger trigger) =>
        Assert.False(TransitionTable.IsLegal(from, trigger));

    [Theory]
    [InlineData(Backoff, Trigger.Spawned, Starting)]
    [InlineData(Running, Trigger.ExitRestart, Backoff)]
    [InlineData(Paused, Trigger.StopRequested, Stopping)]
    [InlineData(Backoff, Trigger.StopRequested, Stopped)]
    [InlineData(Waiting, Trigger.DependencyFailed, Failed)]
    [InlineData(Stopping, Trigger.ExitAfterStop, Stopped)]
    [InlineData(Running, Trigger.ReadinessPassed, Ready)]
    [InlineData(Pending, Trigger.Enqueue, Queued)]      // a job the pool has no room for
    [InlineData(Waiting, Trigger.Enqueue, Queued)]
    [InlineData(Queued, Trigger.Spawned, Starting)]     // admitted
    [InlineData(Queued, Trigger.StopRequested, Stopped)] // a stop takes it out of the queue
    [InlineData(Queued, Trigger.AwaitDependencies, Waiting)]
    public void Key_transitions_lead_where_the_design_says(ProcessState from, Trigger trigger, ProcessState to)
    {
        Assert.True(TransitionTable.TryNext(from, trigger, out var actual));
        Assert.Equal(to, actual);
    }

    [Fact]
    public void Every_state_can_be_reached_from_pending()
    {
        var reached = new HashSet<ProcessState> { Pending };
        var frontier = new Queue<ProcessState>([Pending]);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var ((from, _), to) in TransitionTable.Transitions)
            {
                if (from == state && reached.Add(to)) frontier.Enqueue(to);
            }
        }
        Assert.Equal(Enum.GetValues<ProcessState>().ToHashSet(), reached);
    }
}
