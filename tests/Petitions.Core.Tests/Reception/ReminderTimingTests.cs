using Petitions.Core.Reception;

namespace Petitions.Core.Tests.Reception;

public sealed class ReminderTimingTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public void The_reminder_for_a_0730_session_goes_at_0730_the_day_before()
    {
        var reminder = ReminderTiming.ReminderFor(new DateTimeOffset(2026, 5, 14, 7, 30, 0, Vn));

        Assert.Equal(new DateTimeOffset(2026, 5, 13, 7, 30, 0, Vn), reminder);
    }

    [Fact]
    public void The_reminder_for_an_early_session_is_not_sent_before_0700()
    {
        var reminder = ReminderTiming.ReminderFor(new DateTimeOffset(2026, 5, 14, 6, 30, 0, Vn));

        Assert.Equal(new DateTimeOffset(2026, 5, 13, 7, 0, 0, Vn), reminder);
    }

    [Fact]
    public void The_reminder_instant_is_computed_in_Vietnam_time_even_from_a_UTC_start()
    {
        var startUtc = new DateTimeOffset(2026, 5, 14, 0, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 5, 13, 7, 30, 0, Vn), ReminderTiming.ReminderFor(startUtc));
    }

    [Fact]
    public void No_reminder_start_time_falls_in_quiet_hours_2200_to_0700()
    {
        for (var minutes = 0; minutes < 24 * 60; minutes += 15)
        {
            var start = new DateTimeOffset(2026, 5, 14, 0, 0, 0, Vn).AddMinutes(minutes);
            var local = ReminderTiming.ReminderFor(start).ToOffset(Vn);

            Assert.InRange(TimeOnly.FromDateTime(local.DateTime), new TimeOnly(7, 0), new TimeOnly(21, 59));
            Assert.Equal(new DateTime(2026, 5, 13), local.Date);
        }
    }

    [Fact]
    public void A_booking_made_after_the_reminder_time_gets_no_separate_reminder()
    {
        var start = new DateTimeOffset(2026, 5, 14, 7, 30, 0, Vn);

        Assert.Null(ReminderTiming.ReminderFor(start, new DateTimeOffset(2026, 5, 13, 10, 0, 0, Vn)));
        Assert.Equal(new DateTimeOffset(2026, 5, 13, 7, 30, 0, Vn), ReminderTiming.ReminderFor(start, new DateTimeOffset(2026, 5, 12, 23, 0, 0, Vn)));
    }

    [Theory]
    [InlineData(23, 15, 15, 7, 0)]
    [InlineData(5, 0, 14, 7, 0)]
    [InlineData(7, 0, 14, 7, 0)]
    [InlineData(21, 59, 14, 21, 59)]
    public void A_confirmation_booked_in_quiet_hours_waits_until_0700(int hour, int minute, int expectedDay, int expectedHour, int expectedMinute)
    {
        var sent = ReminderTiming.OutsideQuietHours(new DateTimeOffset(2026, 5, 14, hour, minute, 0, Vn));

        Assert.Equal(new DateTimeOffset(2026, 5, expectedDay, expectedHour, expectedMinute, 0, Vn), sent);
    }
}
