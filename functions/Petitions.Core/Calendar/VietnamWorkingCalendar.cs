using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Petitions.Core.Calendar;

/// <summary>
/// Vietnam's working-day calendar for state agencies: weekends, the holidays of Bộ luật Lao động 2019
/// Điều 112 (lunar ones at UTC+7), compensatory days (Điều 111 khoản 3), and for the years the
/// government published a schedule, that schedule in place of the rules for the holidays it covers.
/// Each year is computed once and cached; thread-safe.
/// </summary>
public sealed class VietnamWorkingCalendar : IWorkingCalendar
{
    private readonly VietnamHolidayRules _rules;
    private readonly VietnameseLunarCalendar _lunar;
    private readonly FrozenDictionary<int, OfficialYearSchedule> _schedules;
    private readonly FrozenSet<DayOfWeek> _weekend;
    private readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, DayInfo>> _years = new();

    /// <summary>Creates the calendar from rules, official schedules and a lunar calendar.</summary>
    public VietnamWorkingCalendar(VietnamHolidayRules rules, IEnumerable<OfficialYearSchedule> schedules, VietnameseLunarCalendar lunar)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(lunar);
        _rules = rules;
        _lunar = lunar;
        var byYear = schedules.GroupBy(s => s.Year).ToList();
        if (byYear.Any(g => g.Count() > 1))
        {
            throw new CalendarDataException("At most one official schedule per year.");
        }

        _schedules = byYear.ToFrozenDictionary(g => g.Key, g => g.Single());
        _weekend = rules.Weekend.Days.ToFrozenSet();
    }

    /// <summary>The calendar as shipped: embedded rules and official schedules, lunar dates at UTC+7.</summary>
    public static VietnamWorkingCalendar Default { get; } =
        new(VietnamHolidayRules.Default, OfficialYearSchedule.Embedded, VietnameseLunarCalendar.Vietnam);

    /// <summary>The years for which an official schedule is recorded.</summary>
    public IReadOnlyCollection<int> OfficialYears => _schedules.Keys;

    /// <inheritdoc />
    public DayInfo Describe(DateOnly date)
    {
        if (date.Year is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
        {
            throw new CalendarDateOutOfRangeException(date.Year);
        }

        var special = _years.GetOrAdd(date.Year, BuildYear);
        if (special.TryGetValue(date, out var info))
        {
            return info;
        }

        return IsWeekend(date)
            ? new DayInfo(date, false, DayKind.Weekend, null, _rules.Weekend.Source)
            : new DayInfo(date, true, DayKind.WorkingDay, null, null);
    }

    private bool IsWeekend(DateOnly date) => _weekend.Contains(date.DayOfWeek);

    // Every day of the year that is not an ordinary weekday or weekend.
    private FrozenDictionary<DateOnly, DayInfo> BuildYear(int year)
    {
        var days = new Dictionary<DateOnly, DayInfo>();
        var covered = new HashSet<string>(StringComparer.Ordinal);

        if (_schedules.TryGetValue(year, out var schedule))
        {
            foreach (var period in schedule.Periods)
            {
                covered.UnionWith(period.Covers);
                var source = Cite(schedule.SourceOf(period.Source));
                foreach (var day in period.DaysOff)
                {
                    days[day.Date] = new DayInfo(day.Date, false, day.Kind, day.Name, source);
                }

                foreach (var day in period.WorkingDays)
                {
                    days[day.Date] = new DayInfo(day.Date, true, DayKind.MakeUpWorkingDay, day.Name, source);
                }
            }
        }

        // Rule holidays not covered by the official schedule, in date order; a date may carry two holidays.
        var ruleDays = _rules.Holidays
            .Where(h => !covered.Contains(h.Id))
            .SelectMany(h => HolidayDates(h, year).Select(d => (Date: d, Rule: h)))
            .Where(x => x.Date.Year == year)
            .OrderBy(x => x.Date)
            .ToList();

        var owed = new List<(DateOnly Date, HolidayRule Rule)>();
        foreach (var group in ruleDays.GroupBy(x => x.Date))
        {
            var date = group.Key;
            var rules = group.Select(x => x.Rule).ToList();
            if (days.TryGetValue(date, out var existing) && !existing.IsWorkingDay)
            {
                // Already off by the official schedule: every rule holiday on it is owed a day.
                owed.AddRange(rules.Select(r => (date, r)));
                continue;
            }

            days[date] = new DayInfo(
                date,
                false,
                DayKind.Holiday,
                string.Join("; ", rules.Select(r => r.Name)),
                string.Join("; ", rules.Select(r => r.Source)));

            // A holiday on a weekly rest day (Điều 111 khoản 3) and each extra holiday on the same day are owed a day.
            owed.AddRange(rules.Skip(IsWeekend(date) ? 0 : 1).Select(r => (date, r)));
        }

        foreach (var (date, rule) in owed)
        {
            var next = date.AddDays(1);
            while (next.Year == year && (IsWeekend(next) || days.ContainsKey(next)))
            {
                next = next.AddDays(1);
            }

            if (next.Year == year)
            {
                days[next] = new DayInfo(
                    next,
                    false,
                    DayKind.CompensatoryDay,
                    $"Nghỉ bù {rule.Name} ({date:dd/MM/yyyy})",
                    _rules.Compensation.Source);
            }
        }

        return days.ToFrozenDictionary();
    }

    private IEnumerable<DateOnly> HolidayDates(HolidayRule rule, int year)
    {
        var anchor = rule.Calendar == HolidayCalendar.Lunar
            ? _lunar.ToSolar(new LunarDate(year, rule.Month, rule.Day))
            : new DateOnly(year, rule.Month, rule.Day);
        return rule.Offsets.Select(anchor.AddDays);
    }

    private static string Cite(ScheduleSource source) =>
        source.Date is null ? $"{source.Document} — {source.Issuer}" : $"{source.Document} ({source.Date}) — {source.Issuer}";
}
