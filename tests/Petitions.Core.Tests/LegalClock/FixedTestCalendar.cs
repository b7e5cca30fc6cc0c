using Petitions.Core.Calendar;

namespace Petitions.Core.Tests.LegalClock;

/// <summary>
/// A small working calendar for the legal-clock tests: weekends plus an explicit list of days off for 2025–2027
/// shaped like the government's published schedules (Tết 2026 off 14–22 Feb; Giỗ Tổ 2026 on a Sunday gives Monday off).
/// </summary>
internal sealed class FixedTestCalendar : IWorkingCalendar
{
    private const string Blld = "Bộ luật Lao động 2019, Điều 112";
    private readonly Dictionary<DateOnly, DayInfo> _days = [];

    public FixedTestCalendar()
    {
        Holiday(new(2025, 1, 1), "Tết Dương lịch");
        Range(new(2025, 1, 27), new(2025, 1, 31), "Tết Nguyên Đán");
        Holiday(new(2025, 4, 7), "Giỗ Tổ Hùng Vương");
        Holiday(new(2025, 4, 30), "Ngày Chiến thắng");
        Holiday(new(2025, 5, 1), "Quốc tế Lao động");
        Add(new(2025, 5, 2), DayKind.OfficialDayOff, "Nghỉ hoán đổi", "Thông báo 6150/TB-LĐTBXH");
        Range(new(2025, 9, 1), new(2025, 9, 2), "Quốc khánh");

        Holiday(new(2026, 1, 1), "Tết Dương lịch");
        Range(new(2026, 2, 16), new(2026, 2, 20), "Tết Nguyên Đán");
        Add(new(2026, 4, 27), DayKind.CompensatoryDay, "Nghỉ bù Giỗ Tổ Hùng Vương", "Bộ luật Lao động 2019, Điều 111");
        Holiday(new(2026, 4, 30), "Ngày Chiến thắng");
        Holiday(new(2026, 5, 1), "Quốc tế Lao động");
        Range(new(2026, 9, 1), new(2026, 9, 2), "Quốc khánh");

        Holiday(new(2027, 1, 1), "Tết Dương lịch");
        Range(new(2027, 2, 5), new(2027, 2, 10), "Tết Nguyên Đán");
    }

    public DayInfo Describe(DateOnly date)
    {
        if (_days.TryGetValue(date, out var info))
        {
            return info;
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new DayInfo(date, false, DayKind.Weekend, null, null)
            : new DayInfo(date, true, DayKind.WorkingDay, null, null);
    }

    private void Holiday(DateOnly date, string name) => Add(date, DayKind.Holiday, name, Blld);

    private void Range(DateOnly from, DateOnly to, string name)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Holiday(d, name);
            }
        }
    }

    private void Add(DateOnly date, DayKind kind, string name, string source) => _days[date] = new DayInfo(date, false, kind, name, source);
}
