using System.Reactive.Concurrency;
using Tui.App.Keys;
using Tui.App.Monitor;
using Tui.App.Shell;
using Tui.App.Tests.Fakes;
using Tui.App.Themes;
using Tui.Terminal.Backend;
using Tui.Terminal.Drawing;
using Tui.Terminal.Rendering;

namespace Tui.App.Tests.Monitor;

/// <summary>
/// The monitor loop on virtual time, drawing through the real renderer into an in-memory terminal that counts bytes;
/// slow work runs inline, so every step is deterministic.
/// </summary>
internal sealed class LoopFixture : IDisposable
{
    public HistoricalScheduler Time { get; } = new(TestProcesses.Now);
    public FakeSupervisor Engine { get; }
    public MemoryTerminal Terminal { get; }
    public Renderer Renderer { get; }
    public MonitorLoop Loop { get; }
    public CellBuffer? LastFrame { get; private set; }

    public LoopFixture(FakeSupervisor engine, int width = 120, int height = 40, MonitorOptions? options = null)
    {
        Engine = engine;
        Terminal = new MemoryTerminal(width, height);
        Renderer = new Renderer(Terminal, ColorDepth.TrueColor);
        Loop = new MonitorLoop(engine, options ?? MonitorOptions.Default, ThemeCatalog.ForConfig(null), new MonitorHost(
            Time,
            () => Time.Now,
            () => (Terminal.Size.Width, Terminal.Size.Height),
            frame =>
            {
                Renderer.Render(frame);
                LastFrame = frame;
            },
            work => Task.FromResult(work())));
        Loop.Start();
        Run();
    }

    /// <summary>Runs what is due now and up to a frame later (coalesced batches, the frame itself).</summary>
    public void Run() => Time.AdvanceBy(TimeSpan.FromMilliseconds(70));

    public void Advance(TimeSpan by) => Time.AdvanceBy(by);

    public void Press(string keys)
    {
        foreach (var c in keys) Loop.Post(Msg.KeyOf(c));
        Run();
    }

    public void Press(KeyCode code)
    {
        Loop.Post(Msg.KeyOf(code));
        Run();
    }

    public string Screen => LastFrame?.ToString() ?? "";

    public void Dispose()
    {
        Loop.Dispose();
        Engine.Dispose();
    }
}
