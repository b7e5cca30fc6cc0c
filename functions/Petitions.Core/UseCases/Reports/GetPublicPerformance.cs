using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Reporting;

namespace Petitions.Core.UseCases.Reports;

/// <summary>
/// GET /api/public/performance (anonymous): per unit, for the last 12 months (the current one included), the letters
/// received and resolved and the on-time rate, with the province's line. Counts only: no personal data, no case titles,
/// no names of staff.
/// </summary>
public static class GetPublicPerformance
{
    /// <summary>The months shown.</summary>
    public const int Months = 12;

    /// <summary>One month of a unit (or of the province).</summary>
    public sealed record MonthFigures(string Month, int Received, int Resolved, int ResolvedOnTime, int OpenOverdue, double? OnTimeRate);

    /// <summary>A unit's months.</summary>
    public sealed record UnitPerformance(string UnitId, string Name, string NameEn, IReadOnlyList<MonthFigures> Months);

    /// <summary>The page's data.</summary>
    public sealed record Performance(string From, string To, DateOnly AsOf, IReadOnlyList<UnitPerformance> Units, UnitPerformance Province);

    /// <summary>Builds it.</summary>
    public sealed class Handler(ReportReader reader, OrganisationChart chart, TimeProvider time)
    {
        /// <summary>The last 12 months.</summary>
        public async Task<Performance> HandleAsync(CancellationToken cancellationToken = default)
        {
            var today = VietnamDate.Of(time.GetUtcNow());
            var to = ReportBucket.MonthOf(today);
            var from = ReportBucket.MonthOf(ReportBucket.FirstDayOf(to).AddMonths(-(Months - 1)));
            var months = new ReportPeriod(from, to).Months;
            var lines = await reader.ReadAsync(months, today, cancellationToken).ConfigureAwait(false);
            var units = chart.Units
                .Select(u => new UnitPerformance(u.Id, u.Name, u.NameEn, Series(lines.Where(l => l.Bucket.UnitId == u.Id), months)))
                .ToList();
            var province = new UnitPerformance(chart.Units.FirstOrDefault(u => u.ParentId is null)?.Id ?? "province", chart.Name, chart.Name, Series(lines, months));
            return new Performance(from, to, today, units, province);
        }

        private static List<MonthFigures> Series(IEnumerable<Ports.ReportTotal> lines, IReadOnlyList<string> months)
        {
            var byMonth = lines.GroupBy(l => l.Bucket.Month, StringComparer.Ordinal).ToDictionary(g => g.Key, g => ReportReader.Sum(g, g.Key), StringComparer.Ordinal);
            return [.. months.Select(m =>
            {
                var f = byMonth.GetValueOrDefault(m) ?? new ReportFigures();
                return new MonthFigures(m, f.Received, f.Resolved, f.ResolvedOnTime, f.OpenOverdue, f.OnTimeRate);
            })];
        }
    }
}
