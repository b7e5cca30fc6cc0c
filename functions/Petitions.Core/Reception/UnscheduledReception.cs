using System.Globalization;

namespace Petitions.Core.Reception;

/// <summary>
/// A record of unscheduled reception (tiếp công dân đột xuất): the head receives outside the
/// published schedule, in the cases of Luật Tiếp công dân 2013, Điều 18 khoản 3 (urgent, complex
/// or crowded matters). It appears alongside periodic sessions but does not count toward the
/// periodic minimum.
/// </summary>
public static class UnscheduledReception
{
    /// <summary>Builds the occurrence for an unscheduled reception; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static ReceptionOccurrence Record(
        string unitId,
        string headStaffId,
        string place,
        DateOnly date,
        TimeOnly start,
        TimeOnly end,
        string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitId);
        ArgumentException.ThrowIfNullOrWhiteSpace(headStaffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(place);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (end <= start)
        {
            throw new ArgumentException($"The reception ends ({end:HH\\:mm}) before it starts ({start:HH\\:mm}).", nameof(end));
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{unitId}-dotxuat-{date:yyyyMMdd}-{start:HHmm}");
        return new ReceptionOccurrence(
            id,
            ScheduleId: null,
            unitId,
            headStaffId,
            place.Trim(),
            date,
            date,
            start,
            end,
            Capacity: 0,
            OccurrenceStatus.Scheduled,
            Sequence: 0,
            reason.Trim(),
            ReceptionKind.Unscheduled);
    }
}
