namespace Tui.Storage.Database;

/// <summary>One step of the schema: applying <paramref name="Sql"/> to a database at version <c>Version - 1</c> brings it to <paramref name="Version"/>.</summary>
public sealed record Migration(int Version, string Description, string Sql);
