using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// GET /api/staff/cases?view=mine|unit|due-soon|overdue|escalated&amp;pageSize=&amp;continuation=: one page from the
/// index, within the user's units.
/// </summary>
public static class ListCases
{
    /// <summary>Default page size.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The question.</summary>
    public sealed record Query(StaffPrincipal Who, string? View, int? PageSize = null, string? Continuation = null);

    /// <summary>One list row.</summary>
    public sealed record Item(string TrackingCode, string Kind, string Title, string Status, string UnitId, string? OfficerId, DateOnly? Due, string? Escalation);

    /// <summary>A page: <c>{ items, continuation }</c>.</summary>
    public sealed record Page(IReadOnlyList<Item> Items, string? Continuation);

    /// <summary>Lists.</summary>
    public sealed class Handler(ICaseIndex index, OrganisationChart chart, DeadlineCalculator calculator, CaseHandlingSettings settings, TimeProvider time)
    {
        /// <summary>The page, or a validation problem.</summary>
        public async Task<UseCaseResult<Page>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            var errors = new List<FieldError>();
            var size = query.PageSize ?? DefaultPageSize;
            if (size is < 1 or > MaxPageSize)
            {
                errors.Add(new("pageSize", "pageSize.outOfRange", $"pageSize must be 1 to {MaxPageSize}.", $"pageSize phải từ 1 đến {MaxPageSize}."));
            }

            if (chart.FindStaff(query.Who.StaffId) is not { } member || member.UnitId != query.Who.UnitId)
            {
                return UseCaseResult.Fail<Page>(UseCaseProblem.Forbidden("Unknown member of staff."));
            }

            var units = StaffAccess.Units(query.Who, chart);
            var today = VietnamDate.Of(time.GetUtcNow());
            IndexQuery? q = query.View switch
            {
                "mine" => Exact(CaseIndexEntries.OfficerPartition(query.Who.StaffId), null),
                "unit" => units.Count == 1
                    ? new IndexQuery(CaseIndexEntries.UnitPartition(units[0], string.Empty), CaseIndexEntries.UnitPartition(units[0], "~"), units, size, query.Continuation)
                    : new IndexQuery("unit-", "unit-~", units, size, query.Continuation),
                "due-soon" => new IndexQuery(
                    CaseIndexEntries.DuePartition(today),
                    CaseIndexEntries.DuePartition(calculator.Calendar.AddWorkingDays(today, settings.DueSoonWorkingDays)),
                    units, size, query.Continuation),
                "overdue" => new IndexQuery("due-", CaseIndexEntries.DuePartition(today.AddDays(-1)), units, size, query.Continuation),
                "escalated" => units.Count == 1
                    ? Exact(CaseIndexEntries.EscalatedPartition(units[0]), null)
                    : new IndexQuery("escalated-", "escalated-~", units, size, query.Continuation),
                _ => null,
            };
            if (q is null)
            {
                errors.Add(new("view", "view.invalid", "view must be mine, unit, due-soon, overdue or escalated.", "view phải là mine, unit, due-soon, overdue hoặc escalated."));
            }

            if (errors.Count > 0)
            {
                return UseCaseResult.Fail<Page>(UseCaseProblem.Invalid(errors));
            }

            var page = await index.QueryAsync(q!, cancellationToken).ConfigureAwait(false);
            var items = page.Items
                .Select(e => e.Values)
                .Select(v => new Item(v.CaseId, v.Kind, v.Title, v.Status, v.UnitId, v.OfficerId, v.Due, v.Escalation))
                .ToList();
            return UseCaseResult.Ok(new Page(items, page.Continuation));

            IndexQuery Exact(string partition, IReadOnlyList<string>? unitIds) => new(partition, partition, unitIds, size, query.Continuation);
        }
    }
}
