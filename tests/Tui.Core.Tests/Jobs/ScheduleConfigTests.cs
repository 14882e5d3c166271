using Tui.Core.Config;
using Tui.Core.Tests.Config;

namespace Tui.Core.Tests.Jobs;

/// <summary>A job's schedule keys and the pool's settings: read from a real file, bad values named at line:col.</summary>
public sealed class ScheduleConfigTests : ApiKeyTests
{
    private const string Job = "kind = \"job\"\n";

    [Fact]
    public void A_cron_schedule_is_read_in_its_time_zone_and_skips_overlaps_by_default()
    {
        var process = LoadApi(Job + "schedule = \"*/5 * * * *\"\ntimezone = \"Europe/Paris\"");
        var cron = Assert.IsType<ScheduleSpec.Cron>(process.Schedule!.Spec);
        Assert.Equal("*/5 * * * *", cron.Expression);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), cron.TimeZone);
        Assert.Equal(OverlapPolicy.Skip, process.Schedule.Overlap);
        Assert.Equal(0, process.Priority);
    }

    [Fact]
    public void Without_a_timezone_a_cron_schedule_is_in_local_time() =>
        Assert.Equal(TimeZoneInfo.Local, Assert.IsType<ScheduleSpec.Cron>(LoadApi(Job + "schedule = \"0 3 * * *\"").Schedule!.Spec).TimeZone);

    [Fact]
    public void An_interval_with_queued_overlaps_and_a_priority_is_read()
    {
        var process = LoadApi(Job + "every = \"10m\"\noverlap = \"queue\"\npriority = 5");
        Assert.Equal(new ScheduleConfig(new ScheduleSpec.Every(TimeSpan.FromMinutes(10)), OverlapPolicy.Queue), process.Schedule);
        Assert.Equal(5, process.Priority);
    }

    [Fact]
    public void A_job_without_schedule_keys_has_no_schedule() => Assert.Null(LoadApi(Job + "priority = -2").Schedule);

    [Theory]
    [InlineData("schedule = \"*/5 * * *\"", "4:12: schedule: \"*/5 * * *\" has 4 fields; a schedule needs 5 (minute hour day-of-month month day-of-week), such as \"*/5 * * * *\" (every 5 minutes) or \"30 2 * * 1-5\" (02:30 on weekdays)")]
    [InlineData("schedule = \"61 * * * *\"", "4:12: schedule: \"61 * * * *\" is not a valid cron text")]
    [InlineData("schedule = \"* * * * mon-fry\"", "4:12: schedule: \"* * * * mon-fry\" is not a valid cron text")]
    [InlineData("schedule = 5", "4:12: schedule must be a string, not the integer 5")]
    [InlineData("schedule = \"* * * * *\"\ntimezone = \"Mars/Olympus\"", "5:12: timezone: unknown time zone \"Mars/Olympus\"; use an IANA name such as \"Europe/Paris\", \"America/New_York\" or \"UTC\"")]
    [InlineData("every = \"10\"", "4:9: every: \"10\" has no unit")]
    [InlineData("every = \"500ms\"", "4:9: every must be at least 1s")]
    [InlineData("every = \"1m\"\nschedule = \"* * * * *\"", "4:1: [processes.api] has both schedule and every; keep one")]
    [InlineData("every = \"1m\"\ntimezone = \"UTC\"", "5:1: timezone applies to schedule (cron), not to every")]
    [InlineData("overlap = \"queue\"", "4:1: overlap needs a schedule = \"<cron>\" or every = \"<duration>\" in [processes.api]")]
    [InlineData("every = \"1m\"\noverlap = \"wait\"", "5:11: overlap must be one of \"skip\", \"queue\", not the string \"wait\"")]
    [InlineData("priority = \"high\"", "4:12: priority must be an integer, not the string \"high\"")]
    public void Bad_schedule_keys_are_reported_at_their_place(string keys, string expected) =>
        Assert.Contains(Scratch.Errors(Api(Job + keys)), e => e.StartsWith(expected, StringComparison.Ordinal));

    [Fact]
    public void A_bad_cron_field_is_named_with_what_is_wrong()
    {
        var error = ApiError(Job + "schedule = \"61 * * * *\"");
        Assert.Equal("4:12: schedule: \"61 * * * *\" is not a valid cron text: Minutes: Value must be a number between 0 and 59 (all inclusive)", error);
    }

    [Theory]
    [InlineData("schedule = \"* * * * *\"", "3:1: schedule is only for jobs; [processes.api] is a service (add kind = \"job\")")]
    [InlineData("every = \"1m\"", "3:1: every is only for jobs; [processes.api] is a service (add kind = \"job\")")]
    [InlineData("priority = 3", "3:1: priority is only for jobs; [processes.api] is a service (add kind = \"job\")")]
    public void A_service_cannot_be_scheduled_or_queued(string keys, string expected) => Assert.Equal(expected, ApiError(keys));

    [Fact]
    public void A_schedule_change_changes_only_that_jobs_definition()
    {
        var before = Scratch.Load(Api(Job + "every = \"1m\"") + "\n[processes.web]\ncommand = \"serve\"\n");
        var after = Scratch.Load(Api(Job + "every = \"2m\"") + "\n[processes.web]\ncommand = \"serve\"\n");
        var diff = ConfigDiff.Compute(before, after);
        Assert.Equal("api", Assert.Single(diff.Changed));
        Assert.Equal("web", Assert.Single(diff.Unchanged));
    }

    [Fact]
    public void A_priority_change_alone_needs_no_restart()
    {
        var before = Scratch.Load(Api(Job + "priority = 1"));
        var after = Scratch.Load(Api(Job + "priority = 9"));
        Assert.Equal("api", Assert.Single(ConfigDiff.Compute(before, after).Unchanged));
    }

    [Fact]
    public void The_pool_settings_are_read()
    {
        var settings = Scratch.Load("""
            [settings]
            max_concurrent_jobs = 8
            soft_max_concurrent_jobs = 6
            min_free_memory = "512MB"
            max_load = 4.0

            """ + Api("")).Settings;
        Assert.Equal(new PoolSettings(8, 6, 512_000_000, 4.0), settings.Pool);
    }

    [Fact]
    public void Without_pool_settings_the_pool_is_unlimited() => Assert.Equal(PoolSettings.Unlimited, Scratch.Load(Api("")).Settings.Pool);

    [Theory]
    [InlineData("max_concurrent_jobs = 0", "2:23: max_concurrent_jobs must be at least 1, not 0")]
    [InlineData("max_concurrent_jobs = 4\nsoft_max_concurrent_jobs = 4", "3:28: soft_max_concurrent_jobs (4) must be less than max_concurrent_jobs (4)")]
    [InlineData("min_free_memory = \"lots\"", "2:19: min_free_memory: \"lots\" is not a size")]
    [InlineData("max_load = 0", "2:12: max_load must be above 0")]
    [InlineData("max_load = \"high\"", "2:12: max_load must be a number, not the string \"high\"")]
    [InlineData("max_concurent_jobs = 3", "2:1: unknown key `max_concurent_jobs` in [settings]; did you mean `max_concurrent_jobs`?")]
    public void Bad_pool_settings_are_reported_at_their_place(string line, string expected) =>
        Assert.Contains(Scratch.Errors("[settings]\n" + line + "\n" + Api("")), e => e.StartsWith(expected, StringComparison.Ordinal));
}
