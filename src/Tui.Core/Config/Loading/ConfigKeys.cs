namespace Tui.Core.Config.Loading;

/// <summary>The keys each table of the config accepts: anything else is reported, with a suggestion.</summary>
internal static class ConfigKeys
{
    public static readonly string[] Root = ["settings", "env", "env_file", "keys", "processes"];

    public static readonly string[] Settings =
        ["log_dir", "history", "theme", "shutdown_timeout", "log_lines", "log_max_size", "log_max_files",
         "max_concurrent_jobs", "soft_max_concurrent_jobs", "min_free_memory", "max_load", "api"];

    /// <summary>[settings.api]: the HTTP API that up and up -d serve.</summary>
    public static readonly string[] Api = ["enabled", "listen"];

    public static readonly string[] Process =
    [
        "command", "cwd", "env", "env_file", "group", "autostart", "disabled", "replicas", "restart",
        "max_restarts", "restart_window", "backoff", "stop_signal", "stop_timeout", "depends_on", "kind", "tty", "watch",
        "readiness", "liveness", "limits", "heartbeat_timeout", "notify", "events", "stdin",
        "schedule", "timezone", "every", "overlap", "priority",
    ];

    public static readonly string[] Backoff = ["initial", "factor", "max", "reset_after"];

    public static readonly string[] Watch = ["paths", "ignore", "debounce", "signal"];

    public static readonly string[] HealthCheck =
        ["exec", "http", "tcp", "unix", "output", "interval", "timeout", "retries", "start_period", "status", "body"];

    public static readonly string[] Limits = ["max_memory", "max_cpu", "max_runtime", "on_memory", "on_cpu", "on_runtime", "window"];
}
