namespace Petitions.Core.Notifications;

/// <summary>A step of a case the citizen hears about.</summary>
public enum NotificationEvent
{
    /// <summary>The letter was received (tiếp nhận): tracking code and lookup link.</summary>
    CaseReceived,

    /// <summary>The letter was accepted for resolution (thụ lý).</summary>
    CaseAccepted,

    /// <summary>The letter was refused (không thụ lý), with the reason in plain words.</summary>
    CaseRefused,

    /// <summary>The letter was forwarded to the competent unit (chuyển đơn).</summary>
    CaseForwarded,

    /// <summary>The citizen is guided to file with the competent unit (hướng dẫn).</summary>
    CaseGuided,

    /// <summary>The resolution time limit was extended (gia hạn), with the new date.</summary>
    DeadlineExtended,

    /// <summary>A reception appointment (lịch tiếp công dân) was booked.</summary>
    ReceptionAppointment,

    /// <summary>Reminder of the reception appointment.</summary>
    ReceptionReminder,

    /// <summary>The case was resolved; the result can be read online.</summary>
    CaseResolved,

    /// <summary>Apology for being late (phiếu xin lỗi), with the new date.</summary>
    ApologyLate,

    /// <summary>Satisfaction question after closing.</summary>
    SatisfactionQuestion,

    /// <summary>
    /// The case reached the supervising level or went overdue: a place at the responsible head's next reception session
    /// is offered, with the short booking link. Never for a denunciation (no offer is made for one).
    /// </summary>
    ReceptionOffer,

    /// <summary>
    /// Staff cancelled the reception session the citizen booked; sent at once, day or night (the citizen may be about
    /// to travel), with the link to book another session.
    /// </summary>
    ReceptionCancelled,

    /// <summary>A due date the citizen was given moved later because the official calendar changed, with the new date.</summary>
    DeadlineMoved,

    /// <summary>
    /// To a member of staff, not a citizen (<see cref="StaffNotices"/>): an escalation or a digest of a sweep's items,
    /// with the short link to the staff case page or inbox. Has no citizen template.
    /// </summary>
    StaffNotice,
}

/// <summary>Groups of <see cref="NotificationEvent"/>.</summary>
public static class NotificationEvents
{
    /// <summary>The events sent to citizens (every one has a citizen template).</summary>
    public static IReadOnlyList<NotificationEvent> ForCitizens { get; } =
        [.. Enum.GetValues<NotificationEvent>().Where(e => e != NotificationEvent.StaffNotice)];
}

/// <summary>Whether a message may be sent during quiet hours.</summary>
public enum NotificationUrgency
{
    /// <summary>Sent at once, day or night.</summary>
    Urgent,

    /// <summary>Waits for 07:00 when due between 22:00 and 07:00 (Asia/Ho_Chi_Minh).</summary>
    NonUrgent,
}
