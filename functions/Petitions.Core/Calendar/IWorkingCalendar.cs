namespace Petitions.Core.Calendar;

/// <summary>
/// Vietnam's working-day calendar for state agencies (Asia/Ho_Chi_Minh): which legal dates are
/// working days, and why a day is not. The legal clock counts with it; the reception schedule
/// shifts sessions with it.
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>What kind of day <paramref name="date"/> is, with the reason and its source.</summary>
    DayInfo Describe(DateOnly date);
}

/// <summary>One day of the calendar.</summary>
/// <param name="Date">The legal date (local to Vietnam).</param>
/// <param name="IsWorkingDay">True when state agencies work that day.</param>
/// <param name="Kind">Why the day is (or is not) a working day.</param>
/// <param name="Name">The holiday's name (e.g. "Tết Nguyên Đán", "Giỗ Tổ Hùng Vương"), when there is one.</param>
/// <param name="Source">The legal source or published schedule that makes it so.</param>
public sealed record DayInfo(DateOnly Date, bool IsWorkingDay, DayKind Kind, string? Name, string? Source);

/// <summary>Why a day is what it is.</summary>
public enum DayKind
{
    /// <summary>An ordinary working day (Monday to Friday).</summary>
    WorkingDay,

    /// <summary>Saturday or Sunday: a rest day for state agencies.</summary>
    Weekend,

    /// <summary>A public holiday (Bộ luật Lao động 2019 Art. 112).</summary>
    Holiday,

    /// <summary>A compensatory day off for a holiday that fell on a rest day (Art. 111).</summary>
    CompensatoryDay,

    /// <summary>A day off by the government's published schedule for the year (swapped day).</summary>
    OfficialDayOff,

    /// <summary>A Saturday or Sunday worked by the government's published schedule (make-up day).</summary>
    MakeUpWorkingDay,
}
