using System.Globalization;

namespace Petitions.Core.Reception;

/// <summary>
/// One session of reception: a scheduled occurrence (possibly moved or cancelled) or an
/// unscheduled reception (tiếp đột xuất). Times are local to Asia/Ho_Chi_Minh.
/// </summary>
/// <param name="Id">Stable id: <c>{scheduleId}-{yyyyMMdd of the original date}</c>; regenerating gives the same id.</param>
/// <param name="ScheduleId">The schedule it comes from (null for unscheduled reception).</param>
/// <param name="UnitId">The unit.</param>
/// <param name="HeadStaffId">Who receives.</param>
/// <param name="Place">Where.</param>
/// <param name="OriginalDate">The date the recurrence gave.</param>
/// <param name="Date">The date it takes place (equal to <paramref name="OriginalDate"/> unless moved).</param>
/// <param name="Start">Local start time.</param>
/// <param name="End">Local end time.</param>
/// <param name="Capacity">Places.</param>
/// <param name="Status">Scheduled, moved or cancelled.</param>
/// <param name="Sequence">Revision number (RFC 5545 SEQUENCE): 0 as planned, raised when moved or cancelled.</param>
/// <param name="Reason">Why it moved or was cancelled (e.g. the holiday's name), or why it was held (đột xuất).</param>
/// <param name="Kind">Periodic or unscheduled.</param>
public sealed record ReceptionOccurrence(
    string Id,
    string? ScheduleId,
    string UnitId,
    string HeadStaffId,
    string Place,
    DateOnly OriginalDate,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    int Capacity,
    OccurrenceStatus Status,
    int Sequence,
    string? Reason,
    ReceptionKind Kind)
{
    /// <summary>Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Whether citizens are received (not cancelled).</summary>
    public bool TakesPlace => Status != OccurrenceStatus.Cancelled;

    /// <summary>The start instant.</summary>
    public DateTimeOffset StartsAt => new(Date.ToDateTime(Start), VietnamOffset);

    /// <summary>The end instant.</summary>
    public DateTimeOffset EndsAt => new(Date.ToDateTime(End), VietnamOffset);

    /// <summary>The stable id of an occurrence of <paramref name="scheduleId"/> on <paramref name="originalDate"/>.</summary>
    public static string IdFor(string scheduleId, DateOnly originalDate) =>
        scheduleId + "-" + originalDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>Where an occurrence stands.</summary>
public enum OccurrenceStatus
{
    /// <summary>Held on its original date.</summary>
    Scheduled,

    /// <summary>Moved off a day off to a later working day (<see cref="ReceptionOccurrence.Date"/>).</summary>
    Moved,

    /// <summary>Cancelled with notice (holiday policy, or cancelled by staff).</summary>
    Cancelled,
}

/// <summary>Periodic (định kỳ) or unscheduled (đột xuất) reception.</summary>
public enum ReceptionKind
{
    /// <summary>From a published schedule.</summary>
    Periodic,

    /// <summary>Tiếp công dân đột xuất (Luật Tiếp công dân 2013, Điều 18 khoản 3).</summary>
    Unscheduled,
}

/// <summary>Staff cancel one occurrence (e.g. the head is called away and no stand-in can receive).</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="OriginalDate">The occurrence's original date.</param>
/// <param name="Reason">Shown to citizens.</param>
public sealed record SessionCancellation(string ScheduleId, DateOnly OriginalDate, string Reason);
