namespace Petitions.Core.LegalClock;

/// <summary>How a legal limit is counted.</summary>
public enum ClockUnit
{
    /// <summary>"Ngày": calendar days; a last day on a rest day moves to the next working day (BLDS 2015 Arts. 147–148).</summary>
    CalendarDays,

    /// <summary>"Ngày làm việc": only working days count.</summary>
    WorkingDays,
}
