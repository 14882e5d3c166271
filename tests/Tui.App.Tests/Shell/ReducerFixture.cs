using Tui.App.Keys;
using Tui.App.Shell;
using Tui.App.Tests.Fakes;
using Tui.Core.Logs;
using Tui.Core.Supervision;
using static Tui.App.Tests.Fakes.TestProcesses;

namespace Tui.App.Tests.Shell;

/// <summary>Helpers for reducer tests: a scripted state and key presses as messages.</summary>
internal static class ReducerFixture
{
    /// <summary>db (no group), then group web: api and front, then group jobs: train.</summary>
    public static AppState Stack(int width = 120, int height = 40, KeyMap? keys = null) => Of(width, height, keys,
        Snapshot("db", pid: 4100),
        Snapshot("api", "web", pid: 4121),
        Snapshot("front", "web", pid: 4130),
        Snapshot("train", "jobs", pid: 4200, kind: Tui.Core.Config.ProcessKind.Job, progress: 0.45));

    public static AppState Of(int width, int height, KeyMap? keys, params ProcessSnapshot[] processes) =>
        Reducer.Normalize(new AppState
        {
            ConfigPath = "processes.toml",
            Keys = keys ?? KeyMap.Default,
            Processes = [.. processes],
            Now = Now,
            Width = width,
            Height = height,
        });

    public static (AppState State, Effect? Effect) Press(this AppState state, char c) => Reducer.Update(state, Msg.KeyOf(c));

    /// <summary>A character with modifiers: ctrl+w, alt+b.</summary>
    public static (AppState State, Effect? Effect) Press(this AppState state, char c, KeyModifiers modifiers) =>
        Reducer.Update(state, new Msg.Key(KeyChord.Of(c, modifiers)));

    public static (AppState State, Effect? Effect) Press(this AppState state, KeyCode code, KeyModifiers modifiers = KeyModifiers.None) =>
        Reducer.Update(state, Msg.KeyOf(code, modifiers));

    public static AppState Keys(this AppState state, string keys)
    {
        foreach (var c in keys) state = state.Press(c).State;
        return state;
    }

    public static AppState Send(this AppState state, Msg msg) => Reducer.Update(state, msg).State;

    public static AppState WithLines(this AppState state, string process, int count, string text = "line")
    {
        var lines = Enumerable.Range(1, count).Select(i => new LogLine(i, process, Now, LogStream.Stdout, $"{text} {i}")).ToList();
        return state.Send(new Msg.Logs(lines));
    }

    public static AppState SelectProcess(this AppState state, string name) => Reducer.Select(state, RowKey.Process(name));
}
