using Petitions.Functions.Runtime.Metadata;

namespace Petitions.Functions.Tests.Metadata;

public class TimerScheduleTests
{
    [Fact]
    public void Every_five_minutes_in_utc_next_tick_is_the_next_multiple_of_five()
    {
        var schedule = TimerSchedule.Parse("0 */5 * * * *", "test");

        var next = schedule.NextAfter(new DateTimeOffset(2026, 11, 22, 2, 3, 10, TimeSpan.Zero), TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 5, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void The_next_tick_is_strictly_after_the_given_instant()
    {
        var schedule = TimerSchedule.Parse("0 */5 * * * *", "test");

        var next = schedule.NextAfter(new DateTimeOffset(2026, 11, 22, 2, 5, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 10, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void A_daily_7am_schedule_in_Ho_Chi_Minh_time_fires_at_midnight_utc()
    {
        var schedule = TimerSchedule.Parse("0 0 7 * * *", "test");
        var vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

        var next = schedule.NextAfter(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), vietnam);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), next);
    }
}
