using Petitions.Core.Notifications;
using Petitions.Core.Time;

namespace Petitions.Core.Tests.Notifications;

public sealed class QuietHoursTests
{
    private static DateTimeOffset Local(int day, int hour, int minute = 0) =>
        new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(22, 0, 23, 7)]
    [InlineData(23, 59, 23, 7)]
    [InlineData(0, 0, 22, 7)]
    [InlineData(6, 59, 22, 7)]
    public void Non_urgent_messages_due_between_22_and_07_wait_for_07_local(int hour, int minute, int releaseDay, int releaseHour)
    {
        var due = Local(22, hour, minute);
        Assert.Equal(Local(releaseDay, releaseHour), QuietHours.Default.EarliestSend(due, NotificationUrgency.NonUrgent));
    }

    [Theory]
    [InlineData(7, 0)]
    [InlineData(12, 30)]
    [InlineData(21, 59)]
    public void Non_urgent_messages_due_in_the_day_go_at_once(int hour, int minute)
    {
        var due = Local(22, hour, minute);
        Assert.Equal(due, QuietHours.Default.EarliestSend(due, NotificationUrgency.NonUrgent));
    }

    [Fact]
    public void Urgent_messages_go_at_night()
    {
        var due = Local(22, 23, 30);
        Assert.Equal(due, QuietHours.Default.EarliestSend(due, NotificationUrgency.Urgent));
    }

    [Fact]
    public void Quiet_hours_follow_Vietnam_time_not_UTC()
    {
        // 15:30 UTC is 22:30 in Hanoi.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 15, 30, 0, TimeSpan.Zero));
        var release = QuietHours.Default.EarliestSend(clock.GetUtcNow(), NotificationUrgency.NonUrgent);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), release);
    }
}
