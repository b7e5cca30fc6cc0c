using NCrontab;

namespace Petitions.Functions.Runtime.Metadata;

/// <summary>
/// A 6-field NCRONTAB schedule (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>) evaluated in a time zone,
/// as the Functions timer trigger does (UTC unless <c>WEBSITE_TIME_ZONE</c> names another zone).
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule _cron;

    private TimerSchedule(string expression, CrontabSchedule cron)
    {
        Expression = expression;
        _cron = cron;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string expression, string source)
    {
        var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return cron is null
            ? throw new FunctionMetadataException($"{source}: '{expression}' is not a 6-field NCRONTAB schedule (e.g. \"0 */5 * * * *\").")
            : new TimerSchedule(expression, cron);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, as a UTC instant.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var next = _cron.GetNextOccurrence(DateTime.SpecifyKind(local.DateTime, DateTimeKind.Unspecified));

        // A local time skipped by a DST change does not exist; take the next valid one.
        while (zone.IsInvalidTime(next))
        {
            next = _cron.GetNextOccurrence(next);
        }

        return new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
    }
}
