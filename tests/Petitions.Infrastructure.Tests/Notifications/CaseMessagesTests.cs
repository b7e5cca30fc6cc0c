using Petitions.Core.Notifications;
using Petitions.Core.UseCases.Calendar;
using Petitions.Infrastructure.Notifications.Cases;

namespace Petitions.Infrastructure.Tests.Notifications;

public sealed class CaseMessagesTests
{
    [Fact]
    public void A_deadline_moved_by_a_calendar_change_reaches_the_citizen_as_its_own_message()
    {
        Assert.True(CaseMessages.Events.TryGetValue(MoveDeadlinesForCalendar.CitizenTemplate, out var @event));
        Assert.Equal(NotificationEvent.DeadlineMoved, @event);
    }
}
