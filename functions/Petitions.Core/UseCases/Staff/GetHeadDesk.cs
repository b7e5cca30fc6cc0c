using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.UseCases.Staff;

/// <summary>
/// GET /api/staff/desk: the head's desk (người đứng đầu answers personally for every letter of the unit) — the unit's
/// open cases of every officer, filtered by officer, kind, status and clock state, sorted by due date and paged, with
/// the workload of each officer. A deputy gets the same desk, narrowed to the fields the organisation data gives them
/// (<see cref="DeskScope"/>). Reads only the CaseIndex (the unit's open-status partitions).
/// </summary>
public static class GetHeadDesk
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The clock states a case can be filtered by.</summary>
    public static readonly IReadOnlyList<string> ClockStates = ["running", "dueSoon", "overdue", "paused"];

    /// <summary>The question. <paramref name="Sort"/> is <c>due</c> (earliest first, the default) or <c>-due</c>.</summary>
    public sealed record Query(
        StaffPrincipal Who, string? Officer = null, string? Kind = null, string? Status = null, string? Clock = null,
        string? Sort = null, int? Page = null, int? PageSize = null);

    /// <summary>One open case on the desk. <paramref name="Clock"/>: running, dueSoon, overdue, paused or none.</summary>
    public sealed record Item(
        string TrackingCode, string Kind, string Title, string Status, string? OfficerId, string? OfficerName, DateOnly? Due, string Clock,
        string? Escalation);

    /// <summary>The open cases of one officer: all, due soon, overdue, escalated (head, supervisor or overdue rung).</summary>
    public sealed record Workload(string OfficerId, string Name, string Role, int Open, int DueSoon, int Overdue, int Escalated);

    /// <summary>A member the cases can be given to.</summary>
    public sealed record Officer(string Id, string Name, string Role);

    /// <summary>The desk: one page of cases, the total after the filters, the workload and who can take cases.</summary>
    public sealed record Desk(
        string UnitId, IReadOnlyList<string> Fields, IReadOnlyList<Item> Items, int Total, int Page, int PageSize,
        IReadOnlyList<Workload> Workload, IReadOnlyList<Officer> Officers);

    /// <summary>Builds the desk.</summary>
    public sealed class Handler(ICaseIndex index, OrganisationChart chart, DeadlineCalculator calculator, CaseHandlingSettings settings, TimeProvider time)
    {
        private static readonly string[] OpenStatuses =
            [.. new[] { CaseStatus.Received, CaseStatus.Accepted, CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Suspended }.Select(CaseNames.Status)];

        private static readonly HashSet<string> EscalatedRungs = new(StringComparer.Ordinal) { "unit-head", "supervisor", "overdue" };

        /// <summary>The desk, Forbidden for anyone but the unit's head or a deputy, or a validation problem.</summary>
        public async Task<UseCaseResult<Desk>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (DeskScope.For(query.Who, chart) is not { } scope)
            {
                return UseCaseResult.Fail<Desk>(UseCaseProblem.Forbidden("The desk is the head's and the deputies' of the unit."));
            }

            var errors = Validate(query);
            if (errors.Count > 0)
            {
                return UseCaseResult.Fail<Desk>(UseCaseProblem.Invalid(errors));
            }

            var today = VietnamDate.Of(time.GetUtcNow());
            var soon = calculator.Calendar.AddWorkingDays(today, settings.DueSoonWorkingDays);
            var open = new List<Item>();
            foreach (var status in OpenStatuses)
            {
                var partition = CaseIndexEntries.UnitPartition(scope.UnitId, status);
                await foreach (var entry in index.ScanAsync(new IndexQuery(partition, partition, null, 1000, null), cancellationToken).ConfigureAwait(false))
                {
                    var v = entry.Values;
                    if (scope.Covers(v.OfficerId))
                    {
                        open.Add(new Item(v.CaseId, v.Kind, v.Title, v.Status, v.OfficerId, chart.FindStaff(v.OfficerId)?.Name, v.Due, ClockOf(v, today, soon), v.Escalation));
                    }
                }
            }

            var workload = scope.Officers
                .Select(o => (Officer: o, Cases: open.Where(i => i.OfficerId == o.Id).ToList()))
                .Select(x => new Workload(
                    x.Officer.Id, x.Officer.Name, Camel(x.Officer.Role), x.Cases.Count, x.Cases.Count(i => i.Clock == "dueSoon"),
                    x.Cases.Count(i => i.Clock == "overdue"), x.Cases.Count(i => i.Escalation is { } r && EscalatedRungs.Contains(r))))
                .ToList();
            var filtered = open
                .Where(i => query.Officer is null || i.OfficerId == query.Officer)
                .Where(i => query.Kind is null || i.Kind == query.Kind)
                .Where(i => query.Status is null || i.Status == query.Status)
                .Where(i => query.Clock is null || i.Clock == query.Clock)
                .ToList();
            var ordered = query.Sort == "-due"
                ? filtered.OrderByDescending(i => i.Due ?? DateOnly.MinValue).ThenBy(i => i.TrackingCode, StringComparer.Ordinal)
                : filtered.OrderBy(i => i.Due ?? DateOnly.MaxValue).ThenBy(i => i.TrackingCode, StringComparer.Ordinal);
            var size = query.PageSize ?? ListCases.DefaultPageSize;
            var page = query.Page ?? 1;
            var items = ordered.Skip((page - 1) * size).Take(size).ToList();
            return UseCaseResult.Ok(new Desk(
                scope.UnitId, scope.Fields, items, filtered.Count, page, size, workload,
                [.. scope.Officers.Select(o => new Officer(o.Id, o.Name, Camel(o.Role)))]));
        }

        private static string Camel(StaffRole role) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

        /// <summary>The clock state of an index row: a suspended case is paused; otherwise by its earliest running due date.</summary>
        private static string ClockOf(IndexValues v, DateOnly today, DateOnly soon) =>
            v.Status == CaseNames.Status(CaseStatus.Suspended) ? "paused"
            : v.Due is not { } due ? "none"
            : due < today ? "overdue"
            : due <= soon ? "dueSoon"
            : "running";

        private static List<FieldError> Validate(Query query)
        {
            var errors = new List<FieldError>();
            if (query.PageSize is < 1 or > MaxPageSize)
            {
                errors.Add(new("pageSize", "pageSize.outOfRange", $"pageSize must be 1 to {MaxPageSize}.", $"pageSize phải từ 1 đến {MaxPageSize}."));
            }

            if (query.Page is < 1)
            {
                errors.Add(new("page", "page.outOfRange", "page must be 1 or more.", "page phải từ 1 trở lên."));
            }

            if (query.Clock is { } clock && !ClockStates.Contains(clock))
            {
                errors.Add(new("clock", "clock.invalid", "clock must be running, dueSoon, overdue or paused.", "clock phải là running, dueSoon, overdue hoặc paused."));
            }

            if (query.Status is { } status && !OpenStatuses.Contains(status))
            {
                errors.Add(new("status", "status.invalid", $"status must be one of {string.Join(", ", OpenStatuses)}.", $"status phải là một trong {string.Join(", ", OpenStatuses)}."));
            }

            if (query.Kind is { } kind && kind is not ("complaint" or "denunciation" or "petition"))
            {
                errors.Add(new("kind", "kind.invalid", "kind must be complaint, denunciation or petition.", "kind phải là complaint, denunciation hoặc petition."));
            }

            if (query.Sort is { } sort && sort is not ("due" or "-due"))
            {
                errors.Add(new("sort", "sort.invalid", "sort must be due or -due.", "sort phải là due hoặc -due."));
            }

            return errors;
        }
    }
}
