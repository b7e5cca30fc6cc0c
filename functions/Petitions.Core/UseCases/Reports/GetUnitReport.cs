using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Reporting;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reports;

/// <summary>
/// GET /api/reports/units?from=YYYY-MM&amp;to=YYYY-MM[&amp;unitId=][&amp;kind=]: per unit, head, kind and month, the figures of
/// the reporting store, within the units the user may see (<see cref="StaffAccess.Units"/>); with each unit's totals over
/// the period and the total of all of them. Every line names the unit and its head.
/// </summary>
public static class GetUnitReport
{
    /// <summary>The kinds a report may be filtered by.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["complaint", "denunciation", "petition"];

    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who, string? From, string? To, string? UnitId, string? Kind);

    /// <summary>One line: a month, a unit and its head, a kind.</summary>
    public sealed record Line(string Month, UnitHead Unit, string Kind, FiguresView Figures);

    /// <summary>A unit's totals over the period (open cases: at the period's end).</summary>
    public sealed record UnitTotal(UnitHead Unit, FiguresView Figures);

    /// <summary>The report.</summary>
    public sealed record Report(string From, string To, DateOnly AsOf, string? Kind, IReadOnlyList<Line> Lines, IReadOnlyList<UnitTotal> Units, FiguresView Total);

    /// <summary>Builds reports.</summary>
    public sealed class Handler(ReportReader reader, OrganisationChart chart, TimeProvider time)
    {
        /// <summary>The report, or a problem (bad months or kind 400, a unit the user may not see 403).</summary>
        public async Task<UseCaseResult<Report>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var errors = new List<FieldError>();
            var period = ReportPeriod.Parse(query.From, query.To, errors);
            if (query.Kind is { } kind && !Kinds.Contains(kind))
            {
                errors.Add(new("kind", "kind.invalid", "kind is complaint, denunciation or petition.", "kind là complaint, denunciation hoặc petition."));
            }

            if (errors.Count > 0 || period is null)
            {
                return UseCaseResult.Fail<Report>(UseCaseProblem.Invalid(errors));
            }

            if (ReportAccess.Units(query.Who, query.UnitId, chart) is not { } units)
            {
                return UseCaseResult.Fail<Report>(UseCaseProblem.Forbidden("The report covers a unit the user may not see."));
            }

            var today = VietnamDate.Of(time.GetUtcNow());
            var lines = (await reader.ReadAsync(period.Months, today, cancellationToken).ConfigureAwait(false))
                .Where(l => units.Contains(l.Bucket.UnitId) && (query.Kind is null || l.Kind == query.Kind))
                .ToList();
            var current = ReportBucket.MonthOf(today);
            var last = string.CompareOrdinal(period.To, current) <= 0 ? period.To : current;
            var unitTotals = lines.GroupBy(l => l.Bucket.UnitId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new UnitTotal(UnitHead.Of(chart, g.Key), FiguresView.Of(ReportReader.Sum(g, last))))
                .ToList();
            var report = new Report(
                period.From, period.To, today, query.Kind,
                [.. lines.OrderBy(l => l.Bucket.Month, StringComparer.Ordinal).ThenBy(l => l.Bucket.UnitId, StringComparer.Ordinal)
                    .ThenBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.Bucket.HeadId, StringComparer.Ordinal)
                    .Select(l => new Line(l.Bucket.Month, UnitHead.Of(chart, l.Bucket.UnitId, l.Bucket.HeadId), l.Kind, FiguresView.Of(l.Figures)))],
                unitTotals,
                FiguresView.Of(ReportReader.Sum(lines, last)));
            return UseCaseResult.Ok(report);
        }
    }
}

/// <summary>Which units a member of staff may report on: the units whose cases they see (the staff access rule, unchanged).</summary>
public static class ReportAccess
{
    /// <summary>The units (one when <paramref name="unitId"/> is given), or null when the user is unknown or may not see that unit.</summary>
    public static IReadOnlySet<string>? Units(StaffPrincipal who, string? unitId, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.FindStaff(who.StaffId) is not { } member || member.UnitId != who.UnitId)
        {
            return null;
        }

        var units = StaffAccess.Units(who, chart).ToHashSet(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(unitId))
        {
            return units;
        }

        return units.Contains(unitId) ? new HashSet<string>([unitId], StringComparer.Ordinal) : null;
    }
}
