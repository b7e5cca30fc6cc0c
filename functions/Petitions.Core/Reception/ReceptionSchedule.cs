namespace Petitions.Core.Reception;

/// <summary>
/// A head's periodic reception schedule (lịch tiếp công dân định kỳ): who receives, where, when,
/// how often, how many citizens per session, and what happens when a session falls on a day off.
/// Built and validated by <see cref="ReceptionScheduleReader"/>.
/// </summary>
/// <param name="Id">Stable identifier, safe as a storage key and in UIDs (lower-case letters, digits, '-').</param>
/// <param name="UnitId">The unit whose head receives.</param>
/// <param name="HeadStaffId">The head (người đứng đầu) who receives in person.</param>
/// <param name="StandInStaffId">Who stands in when the head cannot (người được ủy quyền tiếp thay), if anyone.</param>
/// <param name="Place">Where (nơi tiếp công dân), as published.</param>
/// <param name="Start">Local start time (Asia/Ho_Chi_Minh).</param>
/// <param name="End">Local end time (Asia/Ho_Chi_Minh), after <paramref name="Start"/>.</param>
/// <param name="Recurrence">When it recurs.</param>
/// <param name="SlotLength">The time given to each booked place.</param>
/// <param name="Capacity">Places per session; at most as many slots as fit in the window.</param>
/// <param name="HolidayPolicy">What happens to a session that falls on a day off.</param>
public sealed record ReceptionSchedule(
    string Id,
    string UnitId,
    string HeadStaffId,
    string? StandInStaffId,
    string Place,
    TimeOnly Start,
    TimeOnly End,
    Recurrence Recurrence,
    TimeSpan SlotLength,
    int Capacity,
    HolidayPolicy HolidayPolicy)
{
    /// <summary>How many slots of <see cref="SlotLength"/> fit in the time window.</summary>
    public int SlotsInWindow => SlotLength > TimeSpan.Zero ? (int)((End - Start) / SlotLength) : 0;

    /// <summary>The local start time of place <paramref name="placeNumber"/> (1-based).</summary>
    public TimeOnly SlotStart(int placeNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(placeNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(placeNumber, Capacity);
        return Start.Add(SlotLength * (placeNumber - 1));
    }
}

/// <summary>What happens to a session whose date is a holiday or rest day.</summary>
public enum HolidayPolicy
{
    /// <summary>It moves to the next working day not already holding a session of the same schedule.</summary>
    MoveToNextWorkingDay,

    /// <summary>It is cancelled, and the cancellation is published (notice to booked citizens).</summary>
    CancelWithNotice,
}
