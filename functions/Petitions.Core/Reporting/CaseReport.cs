using System.Globalization;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Reporting;

/// <summary>Where a case's figures are counted: a month (yyyy-MM), the unit that handled it then, and that unit's responsible head.</summary>
public sealed record ReportBucket(string Month, string UnitId, string HeadId)
{
    /// <summary>The month (yyyy-MM) of a legal date.</summary>
    public static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The last day of a month (yyyy-MM).</summary>
    public static DateOnly LastDayOf(string month)
    {
        var first = FirstDayOf(month);
        return first.AddMonths(1).AddDays(-1);
    }

    /// <summary>The first day of a month (yyyy-MM).</summary>
    public static DateOnly FirstDayOf(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What one case adds to one bucket.</summary>
public sealed record ReportContribution(ReportBucket Bucket, ReportFigures Figures);

/// <summary>
/// One clock of the handling itself (reception, acceptance, resolution; not the clocks that send a decision, wait for
/// it to take effect or answer a reception session): when it ran, its due date in force (extensions, complexity, remote
/// area, calendar moves and the suspended days the law excludes already applied) and its suspensions.
/// </summary>
public sealed record HandlingSpan(DateOnly Trigger, DateOnly? StoppedOn, DateOnly Due, IReadOnlyList<SuspendedInterval> Suspensions);

/// <summary>
/// A unit's part of a case that is still open: the unit, its head, since when it holds the case, and the handling clocks
/// of that part. Whether it is on time at a month's end is judged when a report is read (<see cref="OnTimeRule"/>).
/// </summary>
public sealed record OpenStint(string UnitId, string HeadId, DateOnly Since, IReadOnlyList<HandlingSpan> Spans);

/// <summary>
/// Everything a case contributes to the reporting store at its <see cref="Version"/>: its figures per bucket, and its
/// open part if it has one. A pure function of the case's events and state (<see cref="CaseReportProjection"/>).
/// </summary>
public sealed record CaseReport(string CaseId, string Kind, long Version, IReadOnlyList<ReportContribution> Contributions, OpenStint? Open);

/// <summary>
/// The on-time rule (docs/reports.md): a case is judged against the due date of the handling clock in force for it —
/// the date the case itself computed from the legal limits with their sources (legal-limits.data.json), complexity,
/// remote area, extensions, the official calendar and the suspended days the law excludes (Luật Tố cáo 2018, Điều 34
/// khoản 2; Luật Khiếu nại as amended by Luật 136/2025/QH15). The due date is the last day allowed.
/// </summary>
public static class OnTimeRule
{
    /// <summary>The clock in force on <paramref name="day"/>: started by then, not stopped before it; the latest one.</summary>
    public static HandlingSpan? InForce(IReadOnlyList<HandlingSpan> spans, DateOnly day, bool stoppedThatDayCounts)
    {
        ArgumentNullException.ThrowIfNull(spans);
        HandlingSpan? found = null;
        foreach (var span in spans)
        {
            var running = span.StoppedOn is not { } stopped || (stoppedThatDayCounts ? stopped >= day : stopped > day);
            if (span.Trigger <= day && running && (found is null || span.Trigger >= found.Trigger))
            {
                found = span;
            }
        }

        return found;
    }

    /// <summary>
    /// True when a case still open at the end of <paramref name="day"/> is past its deadline: the clock in force fell due
    /// before that day and the day is not within a suspension (suspended time is not counted). No clock: on time.
    /// </summary>
    public static bool OverdueAt(IReadOnlyList<HandlingSpan> spans, DateOnly day)
    {
        var span = InForce(spans, day, stoppedThatDayCounts: false);
        if (span is null || span.Suspensions.Any(s => day >= s.SuspendedOn && (s.ResumedOn is not { } resumed || day < resumed)))
        {
            return false;
        }

        return day > span.Due;
    }

    /// <summary>Calendar days by which a resolution on <paramref name="resolvedOn"/> missed its deadline: 0 when on time.</summary>
    public static int DaysLate(IReadOnlyList<HandlingSpan> spans, DateOnly resolvedOn)
    {
        var span = InForce(spans, resolvedOn, stoppedThatDayCounts: true);
        return span is null || resolvedOn <= span.Due ? 0 : resolvedOn.DayNumber - span.Due.DayNumber;
    }

    /// <summary>Adds the open stint's state at the end of <paramref name="month"/> (or on <paramref name="today"/> in the current month); false when it was not open then.</summary>
    public static bool AddOpenAt(OpenStint stint, string month, DateOnly today, ReportFigures into)
    {
        ArgumentNullException.ThrowIfNull(stint);
        ArgumentNullException.ThrowIfNull(into);
        var end = ReportBucket.LastDayOf(month);
        var day = end < today ? end : today;
        if (stint.Since > day || ReportBucket.FirstDayOf(month) > today)
        {
            return false;
        }

        if (OverdueAt(stint.Spans, day))
        {
            into.OpenOverdue++;
        }
        else
        {
            into.OpenOnTime++;
        }

        return true;
    }
}
