using Petitions.Core.Organisation;

namespace Petitions.Core.Reception;

/// <summary>
/// Flags a unit whose head's periodic reception falls below the legal minimum for a month (the
/// dashboard shows these flags).
/// <para>Counting: distinct dates on which a periodic session of the head's schedules takes place
/// (moved sessions count on the day they are held; cancelled ones do not; unscheduled reception
/// does not). A session counts as a day whatever its length.</para>
/// <para>Periods across a change of law: a monthly rule applies to a month when it is in force on
/// the month's first day; a weekly rule applies to each Monday–Sunday week that starts in the
/// month while the rule is in force on that Monday (so the week of 29 June 2026 is checked under
/// the weekly rule, and July 2026 under the monthly one).</para>
/// </summary>
public sealed class ReceptionMinimumChecker(OccurrenceGenerator generator, IReadOnlyList<LegalMinimum> minimums)
{
    private readonly OccurrenceGenerator _generator = generator ?? throw new ArgumentNullException(nameof(generator));
    private readonly IReadOnlyList<LegalMinimum> _minimums = minimums ?? throw new ArgumentNullException(nameof(minimums));

    /// <summary>Shortfalls of <paramref name="unit"/>'s head in the month; empty when the minimum is met.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="headStaffId">Its head (sessions of other people's schedules do not count).</param>
    /// <param name="schedules">Schedules (any units; only the unit's and head's are counted).</param>
    /// <param name="year">Year.</param>
    /// <param name="month">Month 1–12.</param>
    /// <param name="cancellations">Occurrences cancelled by staff.</param>
    public IReadOnlyList<MinimumShortfall> CheckMonth(
        Unit unit,
        string headStaffId,
        IEnumerable<ReceptionSchedule> schedules,
        int year,
        int month,
        IEnumerable<SessionCancellation>? cancellations = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(schedules);
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var own = schedules.Where(s => s.UnitId == unit.Id && s.HeadStaffId == headStaffId).ToList();
        var cancelled = cancellations?.ToList() ?? [];

        var findings = new List<MinimumShortfall>();
        foreach (var rule in _minimums.Where(r => r.Levels.Contains(unit.Level)))
        {
            foreach (var (periodStart, periodEnd) in Periods(rule, first, last))
            {
                var days = ReceptionDays(own, periodStart, periodEnd, cancelled);
                if (days < rule.Days)
                {
                    findings.Add(new MinimumShortfall(unit.Id, headStaffId, periodStart, periodEnd, rule.Days, days, rule));
                }
            }
        }

        return findings;
    }

    private int ReceptionDays(List<ReceptionSchedule> schedules, DateOnly from, DateOnly to, List<SessionCancellation> cancelled) =>
        schedules
            .SelectMany(s => _generator.Generate(s, from, to, cancelled))
            .Where(o => o.TakesPlace && o.Kind == ReceptionKind.Periodic && o.Date >= from && o.Date <= to)
            .Select(o => o.Date)
            .Distinct()
            .Count();

    private static IEnumerable<(DateOnly Start, DateOnly End)> Periods(LegalMinimum rule, DateOnly first, DateOnly last)
    {
        if (rule.Per == MinimumPeriod.Month)
        {
            if (rule.InForceOn(first))
            {
                yield return (first, last);
            }

            yield break;
        }

        var monday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
        for (; monday <= last; monday = monday.AddDays(7))
        {
            if (rule.InForceOn(monday))
            {
                yield return (monday, monday.AddDays(6));
            }
        }
    }
}

/// <summary>A period in which a head received citizens on fewer days than the law requires.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="HeadStaffId">Its head.</param>
/// <param name="PeriodStart">First day of the week or month checked.</param>
/// <param name="PeriodEnd">Last day of it.</param>
/// <param name="RequiredDays">Days the rule requires.</param>
/// <param name="ScheduledDays">Days the schedules give.</param>
/// <param name="Rule">The rule, with its source.</param>
public sealed record MinimumShortfall(
    string UnitId,
    string HeadStaffId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int RequiredDays,
    int ScheduledDays,
    LegalMinimum Rule);
