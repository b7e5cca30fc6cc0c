using NCrontab;

namespace Petitions.LocalHost;

/// <summary>A 6-field NCRONTAB schedule evaluated in the app's time zone (WEBSITE_TIME_ZONE, then TZ, else UTC).</summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule schedule;
    private readonly TimeZoneInfo zone;

    private TimerSchedule(CrontabSchedule schedule, TimeZoneInfo zone)
    {
        this.schedule = schedule;
        this.zone = zone;
    }

    public static TimerSchedule Parse(string functionName, string expression, HostSettings settings)
    {
        var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new LocalHostStartupException($"Function '{functionName}' has the schedule '{expression}', which is not a 6-field NCRONTAB expression (second minute hour day month day-of-week).");
        var zoneId = settings.Get("WEBSITE_TIME_ZONE") ?? settings.Get("TZ");
        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrWhiteSpace(zoneId) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new LocalHostStartupException($"The time zone '{zoneId}' (WEBSITE_TIME_ZONE or TZ) is not known on this machine; use an IANA id such as Asia/Ho_Chi_Minh.");
        }

        return new TimerSchedule(parsed, zone);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        while (true)
        {
            local = schedule.GetNextOccurrence(local);
            if (!zone.IsInvalidTime(local))
            {
                return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
            }
        }
    }
}
