namespace Tui.Core.Supervision;

/// <summary>What a command acts on: one process, a group (@web), or all. Parsed from the CLI's NAME|@GROUP|all.</summary>
public abstract record ProcessTarget
{
    public sealed record One(string Name) : ProcessTarget;
    public sealed record Group(string Name) : ProcessTarget;
    public sealed record All : ProcessTarget;

    public static ProcessTarget Parse(string text) => text switch
    {
        "all" => new All(),
        _ when text.StartsWith('@') => new Group(text[1..]),
        _ => new One(text),
    };

    // sealed: otherwise each derived record synthesizes its own ToString ("One { Name = api }").
    public sealed override string ToString() => this switch
    {
        One o => o.Name,
        Group g => "@" + g.Name,
        _ => "all",
    };
}
