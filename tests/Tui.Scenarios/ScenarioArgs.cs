namespace Tui.Scenarios;

/// <summary>Reads "--name value" integer options; anything else is an error the scenario reports.</summary>
internal static class ScenarioArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0) return fallback;
        if (at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0) return value;
        throw new ArgumentException($"{name} needs a positive number");
    }
}
