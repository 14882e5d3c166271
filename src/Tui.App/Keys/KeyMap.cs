using System.Collections.Immutable;

namespace Tui.App.Keys;

/// <summary>
/// Key to action, built from <see cref="ActionCatalog"/>'s defaults and the config's [keys] table
/// (action name → key text). A user binding replaces that action's defaults and takes its key from any other action.
/// Problems (unknown action, unreadable key) are collected in <see cref="Problems"/> for the screen to show;
/// they never stop the monitor.
/// </summary>
public sealed class KeyMap
{
    private readonly ImmutableDictionary<KeyChord, ShellAction> _byKey;
    private readonly ImmutableDictionary<ShellAction, ImmutableArray<KeyChord>> _byAction;

    private KeyMap(ImmutableDictionary<KeyChord, ShellAction> byKey, ImmutableArray<string> problems)
    {
        _byKey = byKey;
        _byAction = byKey.GroupBy(kv => kv.Value)
            .ToImmutableDictionary(g => g.Key, g => g.Select(kv => kv.Key).OrderBy(OrderOf).ToImmutableArray());
        Problems = problems;
    }

    public static KeyMap Default { get; } = Create(ImmutableDictionary<string, string>.Empty);

    /// <summary>What was wrong with the [keys] table, one message each.</summary>
    public ImmutableArray<string> Problems { get; }

    public ShellAction? Lookup(KeyChord chord) => _byKey.TryGetValue(chord, out var action) ? action : null;

    /// <summary>The keys bound to an action, in catalog order (defaults first): what the help and hints show.</summary>
    public ImmutableArray<KeyChord> KeysFor(ShellAction action) =>
        _byAction.TryGetValue(action, out var keys) ? keys : ImmutableArray<KeyChord>.Empty;

    /// <summary>The first key of an action as text ("x"), or null when the user unbound all of them.</summary>
    public string? Label(ShellAction action) => KeysFor(action) is { Length: > 0 } keys ? keys[0].ToString() : null;

    public static KeyMap Create(IReadOnlyDictionary<string, string> userKeys)
    {
        var byKey = new Dictionary<KeyChord, ShellAction>();
        foreach (var info in ActionCatalog.All)
        {
            foreach (var text in info.DefaultKeys)
            {
                if (!KeyText.TryParse(text, out var chord))
                    throw new InvalidOperationException($"default key '{text}' of {info.Name} does not parse");
                byKey[chord.Value] = info.Action;
            }
        }

        var problems = ImmutableArray.CreateBuilder<string>();
        var userBound = new Dictionary<KeyChord, string>();
        // Sorted so that the problems and the winner of a conflict do not depend on dictionary order.
        foreach (var (name, text) in userKeys.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var info = ActionCatalog.Find(name);
            if (info is null)
            {
                problems.Add($"[keys] unknown action '{name}' (known: {string.Join(", ", ActionCatalog.All.Select(a => a.Name))})");
                continue;
            }
            if (!KeyText.TryParse(text, out var chord))
            {
                problems.Add($"[keys] {name} = \"{text}\": not a key (write e.g. \"x\", \"ctrl+r\", \"F5\", \"pgup\")");
                continue;
            }
            if (userBound.TryGetValue(chord.Value, out var other))
            {
                problems.Add($"[keys] {name} and {other} are both bound to {chord.Value}; {name} is ignored");
                continue;
            }
            userBound[chord.Value] = info.Name;
            foreach (var old in byKey.Where(kv => kv.Value == info.Action).Select(kv => kv.Key).ToList())
                byKey.Remove(old);
            byKey[chord.Value] = info.Action;
        }
        return new KeyMap(byKey.ToImmutableDictionary(), problems.ToImmutable());
    }

    /// <summary>Keeps "q" before "ctrl+c" and "?" before "F1": a plain character is what a person types first.</summary>
    private static int OrderOf(KeyChord chord) => (chord.Code == KeyCode.Char ? 0 : 1000) + (int)chord.Modifiers * 100 + (int)chord.Code;
}
