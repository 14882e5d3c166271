// The manager runs on Linux only (process groups, /proc, Unix sockets), and so do its tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
