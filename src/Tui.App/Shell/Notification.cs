namespace Tui.App.Shell;

public enum NotificationLevel { Info, Warning, Error }

/// <summary>A message in the corner that expires by itself and never takes the keyboard.</summary>
public sealed record Notification(long Id, NotificationLevel Level, string Text, DateTimeOffset Expires);
