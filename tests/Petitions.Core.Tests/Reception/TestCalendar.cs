using Petitions.Core.Calendar;

namespace Petitions.Core.Tests.Reception;

/// <summary>
/// A small working calendar for tests: Saturdays and Sundays off, plus the 2026 days off the
/// reception tests touch (the real calendar is built on the calendar branch).
/// </summary>
internal sealed class TestCalendar : IWorkingCalendar
{
    private static readonly Dictionary<DateOnly, (DayKind Kind, string Name)> DaysOff = new()
    {
        [new DateOnly(2026, 1, 1)] = (DayKind.Holiday, "Tết Dương lịch"),
        [new DateOnly(2026, 4, 26)] = (DayKind.Holiday, "Giỗ Tổ Hùng Vương"),
        [new DateOnly(2026, 4, 27)] = (DayKind.CompensatoryDay, "Nghỉ bù Giỗ Tổ Hùng Vương"),
        [new DateOnly(2026, 4, 30)] = (DayKind.Holiday, "Ngày Chiến thắng"),
        [new DateOnly(2026, 5, 1)] = (DayKind.Holiday, "Ngày Quốc tế Lao động"),
        [new DateOnly(2026, 9, 1)] = (DayKind.Holiday, "Quốc khánh"),
        [new DateOnly(2026, 9, 2)] = (DayKind.Holiday, "Quốc khánh"),
    };

    public static TestCalendar Instance { get; } = new();

    public DayInfo Describe(DateOnly date)
    {
        if (DaysOff.TryGetValue(date, out var off))
        {
            return new DayInfo(date, false, off.Kind, off.Name, "Bộ luật Lao động 2019, Điều 112 (test data)");
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new DayInfo(date, false, DayKind.Weekend, null, "Bộ luật Lao động 2019, Điều 111")
            : new DayInfo(date, true, DayKind.WorkingDay, null, null);
    }
}
