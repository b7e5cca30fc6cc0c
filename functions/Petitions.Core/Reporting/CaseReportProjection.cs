using Petitions.Core.Cases;
using Petitions.Core.Escalation;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;

namespace Petitions.Core.Reporting;

/// <summary>
/// Turns a case's events (the append-only record) and its clocks into what it contributes to the reports. The case is
/// cut into stints, one per unit that held it: the first starts at receipt in the unit it was routed to (the filed unit
/// before routing), a forward ends a stint and the receipt by the competent unit starts the next. Each event counts in
/// the month of its legal date, in the stint's unit and head. A stint that ended also counts, at every month's end it
/// was open, as open on time or open overdue; a stint still open is returned as <see cref="CaseReport.Open"/> and
/// judged when a report is read (the month's end may not have come yet). Pure: the same input gives the same report.
/// </summary>
public static class CaseReportProjection
{
    /// <summary>The report of a case at its current version.</summary>
    /// <param name="case">The case (its clocks carry the due dates in force).</param>
    /// <param name="filedUnitId">The unit the letter was filed with.</param>
    /// <param name="events">The case's events, in order.</param>
    /// <param name="chart">The organisation, for the head of a unit before routing.</param>
    public static CaseReport Project(Case @case, string filedUnitId, IReadOnlyList<CaseEvent> events, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(chart);
        var spans = @case.Clocks.Where(IsHandling)
            .Select(c => new HandlingSpan(c.Trigger, c.StoppedOn, c.Due, c.Suspensions)).ToList();
        var stints = new List<Stint>();
        Stint? current = null;

        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            var on = VietnamDate.Of(e.At);
            switch (e)
            {
                case CaseReceived r:
                    current = new Stint(filedUnitId, HeadOf(chart, filedUnitId), r.ReceivedOn);
                    stints.Add(current);
                    current.At(r.ReceivedOn).Received++;
                    break;
                case CaseRouted routed when current is not null:
                    current.UnitId = routed.UnitId;
                    current.HeadId = routed.ResponsibleHeadId;
                    break;
                case ForwardedCaseReceived received:
                    current = new Stint(received.UnitId, received.ResponsibleHeadId, received.ReceivedOn);
                    stints.Add(current);
                    current.At(received.ReceivedOn).Received++;
                    break;
                case CaseAccepted accepted when current is not null:
                    current.At(accepted.AcceptedOn).Accepted++;
                    break;
                case CaseForwarded or CitizenGuided when current is not null:
                    current.At(on).ForwardedOrGuided++;
                    current.Finish(on);
                    break;
                case CaseRefused or CaseMarkedDuplicate when current is not null:
                    current.At(on).Refused++;
                    current.Finish(on);
                    break;
                case CaseWithdrawn { Wholly: true } when current is not null:
                    current.At(on).Withdrawn++;
                    current.Finish(on);
                    break;
                case CaseResolved resolved when current is not null:
                    Resolve(current, resolved.ResolvedOn, spans);
                    break;
                case HandlingEnded when current is not null:
                    Resolve(current, on, spans);
                    break;
                case CaseClosed when current is not null:
                    current.Finish(on);
                    break;
                case EscalationFired fired when current is not null:
                    var figures = current.At(on);
                    figures.Escalations[fired.Rung] = figures.Escalations.GetValueOrDefault(fired.Rung) + 1;
                    if (fired.Notified.Contains(EscalationAudience.Citizen))
                    {
                        figures.Apologies++;
                    }

                    break;
                case CaseRated rated when current is not null:
                    current.At(on).Ratings++;
                    current.At(on).RatingPoints += rated.Score;
                    break;
            }
        }

        var contributions = new Dictionary<ReportBucket, ReportFigures>();
        OpenStint? open = null;
        foreach (var stint in stints)
        {
            var stintSpans = spans.Where(s => s.Trigger >= stint.Since).ToList();
            if (stint.FinishedOn is { } finished)
            {
                // Open at each month's end before it finished.
                for (var month = ReportBucket.MonthOf(stint.Since); ReportBucket.LastDayOf(month) < finished; month = Next(month))
                {
                    var end = ReportBucket.LastDayOf(month);
                    var figures = stint.At(end);
                    if (OnTimeRule.OverdueAt(stintSpans, end))
                    {
                        figures.OpenOverdue++;
                    }
                    else
                    {
                        figures.OpenOnTime++;
                    }
                }
            }
            else
            {
                open = new OpenStint(stint.UnitId, stint.HeadId, stint.Since, stintSpans);
            }

            foreach (var (month, figures) in stint.Months)
            {
                var bucket = new ReportBucket(month, stint.UnitId, stint.HeadId);
                if (contributions.TryGetValue(bucket, out var known))
                {
                    known.Add(figures);
                }
                else
                {
                    contributions[bucket] = figures;
                }
            }
        }

        return new CaseReport(
            @case.Id,
            @case.Kind.LegalKind(),
            @case.Version,
            [.. contributions.Where(c => !c.Value.IsEmpty).OrderBy(c => c.Key.Month, StringComparer.Ordinal).ThenBy(c => c.Key.UnitId, StringComparer.Ordinal)
                .Select(c => new ReportContribution(c.Key, c.Value))],
            open);
    }

    /// <summary>True for the clocks of the handling itself, which the on-time rule judges.</summary>
    public static bool IsHandling(CaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return !CaseKindSteps.IsSendingStep(clock.Step)
            && clock.Step is not (CaseKindSteps.DecisionEffectiveStep or CaseKindSteps.ReceptionAnswerStep);
    }

    /// <summary>The month after <paramref name="month"/> (yyyy-MM).</summary>
    public static string Next(string month) => ReportBucket.MonthOf(ReportBucket.FirstDayOf(month).AddMonths(1));

    private static void Resolve(Stint stint, DateOnly resolvedOn, List<HandlingSpan> spans)
    {
        var stintSpans = spans.Where(s => s.Trigger >= stint.Since).ToList();
        var figures = stint.At(resolvedOn);
        figures.Resolved++;
        var late = OnTimeRule.DaysLate(stintSpans, resolvedOn);
        if (late > 0)
        {
            figures.ResolvedLate++;
            figures.DaysLate += late;
        }
        else
        {
            figures.ResolvedOnTime++;
        }

        var days = Math.Max(0, resolvedOn.DayNumber - stint.Since.DayNumber);
        figures.HandlingDays[days] = figures.HandlingDays.GetValueOrDefault(days) + 1;
        stint.Finish(resolvedOn);
    }

    private static string HeadOf(OrganisationChart chart, string unitId) =>
        chart.FindUnit(unitId) is null ? string.Empty : chart.StaffOf(unitId).FirstOrDefault(s => s.Role == StaffRole.Head)?.Id ?? string.Empty;

    private sealed class Stint(string unitId, string headId, DateOnly since)
    {
        public string UnitId { get; set; } = unitId;

        public string HeadId { get; set; } = headId;

        public DateOnly Since { get; } = since;

        public DateOnly? FinishedOn { get; private set; }

        public SortedDictionary<string, ReportFigures> Months { get; } = new(StringComparer.Ordinal);

        public ReportFigures At(DateOnly day)
        {
            var month = ReportBucket.MonthOf(day);
            if (!Months.TryGetValue(month, out var figures))
            {
                figures = new ReportFigures();
                Months[month] = figures;
            }

            return figures;
        }

        public void Finish(DateOnly on) => FinishedOn ??= on;
    }
}
