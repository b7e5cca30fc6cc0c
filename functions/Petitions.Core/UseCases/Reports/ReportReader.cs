using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Reporting;

namespace Petitions.Core.UseCases.Reports;

/// <summary>A report line's figures as the API gives them: the counts and what is derived from them.</summary>
public sealed record FiguresView(
    int Received, int Accepted, int ForwardedOrGuided, int Refused, int Withdrawn, int Resolved, int ResolvedOnTime, int ResolvedLate,
    int DaysLate, int OpenOnTime, int OpenOverdue, double? OnTimeRate, double? MeanHandlingDays, int? P90HandlingDays,
    IReadOnlyDictionary<string, int> Escalations, int Apologies, int Ratings, double? MeanRating)
{
    /// <summary>The view of <paramref name="f"/>.</summary>
    public static FiguresView Of(ReportFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(
            f.Received, f.Accepted, f.ForwardedOrGuided, f.Refused, f.Withdrawn, f.Resolved, f.ResolvedOnTime, f.ResolvedLate, f.DaysLate,
            f.OpenOnTime, f.OpenOverdue, f.OnTimeRate, f.MeanHandlingDays, f.P90HandlingDays,
            new Dictionary<string, int>(f.Escalations, StringComparer.Ordinal), f.Apologies, f.Ratings, f.MeanRating);
    }
}

/// <summary>A unit and its head as a report names them ("rõ người, rõ việc").</summary>
public sealed record UnitHead(string UnitId, string UnitName, string UnitNameEn, string? HeadId, string? HeadName, string? HeadTitle)
{
    /// <summary>The unit with <paramref name="headId"/> (the current head of the unit when null or unknown).</summary>
    public static UnitHead Of(OrganisationChart chart, string unitId, string? headId = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var unit = chart.FindUnit(unitId);
        var head = chart.FindStaff(headId) ?? (unit is null ? null : chart.StaffOf(unitId).FirstOrDefault(s => s.Role == StaffRole.Head));
        return new UnitHead(unitId, unit?.Name ?? unitId, unit?.NameEn ?? unitId, head?.Id ?? headId, head?.Name, head?.Title);
    }
}

/// <summary>
/// Reads the reporting store for some months: the stored aggregates, plus the cases open now judged at each month's end
/// (today for the current month). Months after the current one are empty.
/// </summary>
public sealed class ReportReader(IReportStore store)
{
    /// <summary>The figures per bucket and kind.</summary>
    public async Task<IReadOnlyList<ReportTotal>> ReadAsync(IReadOnlyList<string> months, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(months);
        var current = ReportBucket.MonthOf(today);
        var past = months.Where(m => string.CompareOrdinal(m, current) <= 0).ToList();
        var map = new Dictionary<(ReportBucket Bucket, string Kind), ReportFigures>();
        foreach (var total in await store.TotalsAsync(past, cancellationToken).ConfigureAwait(false))
        {
            Into(map, total.Bucket, total.Kind).Add(total.Figures);
        }

        if (past.Count > 0)
        {
            foreach (var open in await store.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var month in past)
                {
                    var figures = new ReportFigures();
                    if (OnTimeRule.AddOpenAt(open.Stint, month, today, figures))
                    {
                        Into(map, new ReportBucket(month, open.Stint.UnitId, open.Stint.HeadId), open.Kind).Add(figures);
                    }
                }
            }
        }

        return [.. map.Select(kv => new ReportTotal(kv.Key.Bucket, kv.Key.Kind, kv.Value))];
    }

    /// <summary>
    /// Sums lines over a period: the flows of every month, the open cases of the period's last month (a stock: the
    /// cases open at its end, or today when it is the current month).
    /// </summary>
    public static ReportFigures Sum(IEnumerable<ReportTotal> lines, string lastMonth)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sum = new ReportFigures();
        foreach (var line in lines)
        {
            if (line.Bucket.Month == lastMonth)
            {
                sum.Add(line.Figures);
            }
            else
            {
                sum.AddFlows(line.Figures);
            }
        }

        return sum;
    }

    private static ReportFigures Into(Dictionary<(ReportBucket, string), ReportFigures> map, ReportBucket bucket, string kind)
    {
        if (!map.TryGetValue((bucket, kind), out var figures))
        {
            figures = new ReportFigures();
            map[(bucket, kind)] = figures;
        }

        return figures;
    }
}
