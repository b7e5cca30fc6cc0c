using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Reporting;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reports;

/// <summary>
/// GET /api/reports/league?month=YYYY-MM: every unit of the organisation ranked for the month by on-time rate (highest
/// first; units with nothing to judge last), then mean rating (highest first), then open overdue cases (fewest first),
/// then name; each with its head, its rank and rate of the month before and the change, and the province's total.
/// Like HCMC's 1022 table, the ranking is published to all staff, whatever their unit (docs/reports.md).
/// </summary>
public static class GetLeagueTable
{
    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who, string? Month);

    /// <summary>One unit's place.</summary>
    public sealed record Place(
        int Rank, UnitHead Unit, double? OnTimeRate, double? MeanRating, int OpenOverdue, int Resolved, int Received, int Ratings,
        int? PreviousRank, int? RankChange, double? PreviousOnTimeRate, double? OnTimeRateChange);

    /// <summary>The table.</summary>
    public sealed record League(string Month, DateOnly AsOf, IReadOnlyList<Place> Places, FiguresView Province);

    /// <summary>Builds the table.</summary>
    public sealed class Handler(ReportReader reader, OrganisationChart chart, TimeProvider time)
    {
        /// <summary>The table, or a problem.</summary>
        public async Task<UseCaseResult<League>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var errors = new List<FieldError>();
            var month = ReportPeriod.Month(query.Month, "month", errors);
            if (month is null)
            {
                return UseCaseResult.Fail<League>(UseCaseProblem.Invalid(errors));
            }

            if (ReportAccess.Units(query.Who, null, chart) is null)
            {
                return UseCaseResult.Fail<League>(UseCaseProblem.Forbidden("Unknown member of staff."));
            }

            var today = VietnamDate.Of(time.GetUtcNow());
            var previous = ReportPeriod.Previous(month);
            var lines = await reader.ReadAsync([previous, month], today, cancellationToken).ConfigureAwait(false);
            var now = Rank(lines.Where(l => l.Bucket.Month == month), month);
            var before = Rank(lines.Where(l => l.Bucket.Month == previous), previous).ToDictionary(p => p.UnitId, StringComparer.Ordinal);
            var places = now.Select(p =>
            {
                var prior = before.GetValueOrDefault(p.UnitId);
                return new Place(
                    p.Rank, UnitHead.Of(chart, p.UnitId), p.Figures.OnTimeRate, p.Figures.MeanRating, p.Figures.OpenOverdue, p.Figures.Resolved,
                    p.Figures.Received, p.Figures.Ratings, prior?.Rank, prior is null ? null : prior.Rank - p.Rank,
                    prior?.Figures.OnTimeRate,
                    p.Figures.OnTimeRate is { } rate && prior?.Figures.OnTimeRate is { } old ? Math.Round(rate - old, 4) : null);
            }).ToList();
            var province = ReportReader.Sum(lines.Where(l => l.Bucket.Month == month), month);
            return UseCaseResult.Ok(new League(month, today, places, FiguresView.Of(province)));
        }

        /// <summary>Every unit of the organisation with its figures of the month, in rank order.</summary>
        private List<Ranked> Rank(IEnumerable<Ports.ReportTotal> lines, string month)
        {
            var byUnit = lines.GroupBy(l => l.Bucket.UnitId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ReportReader.Sum(g, month), StringComparer.Ordinal);
            var ordered = chart.Units
                .Select(u => (Unit: u, Figures: byUnit.GetValueOrDefault(u.Id) ?? new ReportFigures()))
                .OrderBy(x => x.Figures.OnTimeRate is null ? 1 : 0)
                .ThenByDescending(x => x.Figures.OnTimeRate ?? 0)
                .ThenBy(x => x.Figures.MeanRating is null ? 1 : 0)
                .ThenByDescending(x => x.Figures.MeanRating ?? 0)
                .ThenBy(x => x.Figures.OpenOverdue)
                .ThenBy(x => x.Unit.Name, StringComparer.Ordinal)
                .ToList();
            return [.. ordered.Select((x, i) => new Ranked(i + 1, x.Unit.Id, x.Figures))];
        }
    }

    private sealed record Ranked(int Rank, string UnitId, ReportFigures Figures);
}
