using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Reporting;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Reports;

/// <summary>
/// GET /api/reports/units/cases?from=&amp;to=&amp;unitId=&amp;figure=[&amp;kind=]: the drill-down from a figure of the unit report
/// to the cases behind it (tracking code, month, kind, how many times the case counts in it). The open figures are
/// judged like the report: at each month's end, today in the current month.
/// </summary>
public static class ListReportCases
{
    /// <summary>The most cases one drill-down lists.</summary>
    public const int MaxItems = 2000;

    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who, string? From, string? To, string? UnitId, string? Figure, string? Kind);

    /// <summary>A case behind the figure.</summary>
    public sealed record Item(string TrackingCode, string Month, string Kind, int Count);

    /// <summary>The list (truncated when more than <see cref="MaxItems"/>).</summary>
    public sealed record Cases(string Figure, string UnitId, IReadOnlyList<Item> Items, bool Truncated);

    /// <summary>Lists.</summary>
    public sealed class Handler(IReportStore store, OrganisationChart chart, TimeProvider time)
    {
        /// <summary>The cases, or a problem.</summary>
        public async Task<UseCaseResult<Cases>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var errors = new List<FieldError>();
            var period = ReportPeriod.Parse(query.From, query.To, errors);
            var figure = query.Figure ?? string.Empty;
            if (new ReportFigures().Value(figure) is null)
            {
                errors.Add(new("figure", "figure.invalid", "Unknown figure.", "Chỉ tiêu không hợp lệ."));
            }

            if (string.IsNullOrWhiteSpace(query.UnitId))
            {
                errors.Add(new("unitId", "unitId.required", "Name the unit.", "Cần chọn đơn vị."));
            }

            if (errors.Count > 0 || period is null)
            {
                return UseCaseResult.Fail<Cases>(UseCaseProblem.Invalid(errors));
            }

            var unitId = query.UnitId!;
            if (ReportAccess.Units(query.Who, unitId, chart) is null)
            {
                return UseCaseResult.Fail<Cases>(UseCaseProblem.Forbidden("The unit is not one the user may see."));
            }

            var today = VietnamDate.Of(time.GetUtcNow());
            var current = ReportBucket.MonthOf(today);
            var months = period.Months.Where(m => string.CompareOrdinal(m, current) <= 0).ToList();
            var items = new List<Item>();
            foreach (var month in months)
            {
                foreach (var entry in await store.CasesAsync(month, unitId, cancellationToken).ConfigureAwait(false))
                {
                    if ((query.Kind is null || entry.Kind == query.Kind) && entry.Figures.Value(figure) is > 0 and var count)
                    {
                        items.Add(new Item(entry.CaseId, month, entry.Kind, count));
                    }
                }
            }

            if (figure is "openOnTime" or "openOverdue")
            {
                foreach (var open in await store.OpenAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (open.Stint.UnitId != unitId || (query.Kind is not null && open.Kind != query.Kind))
                    {
                        continue;
                    }

                    foreach (var month in months)
                    {
                        var figures = new ReportFigures();
                        if (OnTimeRule.AddOpenAt(open.Stint, month, today, figures) && figures.Value(figure) is > 0 and var count)
                        {
                            items.Add(new Item(open.CaseId, month, open.Kind, count));
                        }
                    }
                }
            }

            var ordered = items.OrderBy(i => i.Month, StringComparer.Ordinal).ThenBy(i => i.TrackingCode, StringComparer.Ordinal).ToList();
            return UseCaseResult.Ok(new Cases(figure, unitId, [.. ordered.Take(MaxItems)], ordered.Count > MaxItems));
        }
    }
}
