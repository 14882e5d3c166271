using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Reactive.Threading.Tasks;
using Tui.Core.Tests.TestSupport;

namespace Tui.Jobs.Tests.Support;

/// <summary>
/// A <see cref="ProcessManager"/> on a virtual clock, running sh scripts the test writes into its own temp folder
/// (also the processes' working directory). Every event is recorded from the start, so a wait never misses one.
/// On dispose every process is force-stopped, the manager disposed, and each process group it ever started is
/// SIGKILLed by its pgid, whatever the test did.
/// </summary>
internal sealed class JobsHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ReplaySubject<JobEvent> _events = new();
    private readonly ConcurrentQueue<int> _groups = new();
    private readonly ConcurrentQueue<JobEvent> _all = new();
    private readonly IDisposable _recording;

    public JobsHarness(Func<ProcessManagerOptions, ProcessManagerOptions>? configure = null)
    {
        Manager = ProcessManager.Create(o => (configure?.Invoke(o) ?? o).WithScheduler(Clock).WithWorkingDirectory(Dir.FullName));
        _recording = Manager.Events.Subscribe(e =>
        {
            if (e is JobStarted started) _groups.Enqueue(started.Pid);
            _all.Enqueue(e);
            _events.OnNext(e);
        });
    }

    public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("tui-jobs-");
    public LockedVirtualClock Clock { get; } = new(T0);
    public ProcessManager Manager { get; }

    /// <summary>A definition running <paramref name="body"/> as an sh script in the temp folder.</summary>
    public ProcessDefinition Script(string name, string body)
    {
        var path = Path.Combine(Dir.FullName, name + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        // Run by sh rather than executed: exec of a file still open for writing fails (ETXTBSY), and a test running in
        // parallel that forks at the moment of the write holds the file open until its child execs.
        return Process.Define(name).WithCommand("/bin/sh", path);
    }

    /// <summary>The first event of type <typeparamref name="T"/> matching <paramref name="match"/>, including those already past.
    /// The test goes on on the thread pool, never on the engine's loop that raised the event.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool>? match = null) where T : JobEvent
    {
        var found = await _events.OfType<T>().Where(e => match?.Invoke(e) ?? true).FirstAsync().Timeout(Patience).ToTask();
        await Task.Yield();
        return found;
    }

    /// <summary>Every event so far, for messages.</summary>
    public string History() => string.Join("\n", _all);

    /// <summary>Waits (bounded) for a line of the process's output with <paramref name="text"/>, whether it came already or comes later.</summary>
    public async Task<LogLine> WaitForLine(string id, string text)
    {
        var line = await Manager.Output(id, fromStart: true).Where(l => l.Text == text).FirstAsync().Timeout(Patience).ToTask();
        await Task.Yield();
        return line;
    }

    /// <summary>Waits (bounded) for the process to reach <paramref name="state"/>: for states no event announces (stopping).</summary>
    public async Task InState(string id, JobState state) =>
        Assert.True(await Eventually.True(() => Manager.GetStatus(id).State == state, Patience),
            $"{id} never became {state}; it is {Manager.GetStatus(id).State}");

    /// <summary>Alive and not stopping: ready comes a moment after running, when the manager has looked at the new run.</summary>
    public static bool IsUp(JobState state) => state is JobState.Running or JobState.Ready;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Manager.StopAllAsync(force: true).WaitAsync(Patience);
            await Manager.DisposeAsync();
        }
        finally
        {
            _recording.Dispose();
            foreach (var pgid in _groups) Signals.Send(-pgid, Signals.SIGKILL);
            Dir.Delete(recursive: true);
        }
    }
}
