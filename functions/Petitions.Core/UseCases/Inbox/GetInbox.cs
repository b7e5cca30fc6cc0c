using System.Globalization;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Core.UseCases.Inbox;

/// <summary>
/// <c>GET /api/staff/inbox</c>: the signed-in person's inbox, newest first (optionally unread only), with the unread
/// count for the header badge and a continuation for the next page.
/// </summary>
public static class GetInbox
{
    /// <summary>The query.</summary>
    public sealed record Query(StaffPrincipal Who, bool UnreadOnly, int? PageSize, string? Continuation);

    /// <summary>One item as the page shows it.</summary>
    public sealed record Item(string Id, string Kind, string TrackingCode, string Template, string? Rung, string? Step, string? Due, DateTimeOffset At, bool Read);

    /// <summary>The page.</summary>
    public sealed record View(IReadOnlyList<Item> Items, int Unread, string? Continuation);

    /// <summary>Reads the inbox.</summary>
    public sealed class Handler(IStaffInbox inbox)
    {
        /// <summary>The default page size.</summary>
        public const int DefaultPageSize = 50;

        /// <summary>Lists.</summary>
        public async Task<UseCaseResult<View>> HandleAsync(Query query, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (query.PageSize is < 1 or > 100)
            {
                return UseCaseResult.Fail<View>(UseCaseProblem.Invalid(
                    [new("pageSize", "pageSize.invalid", "pageSize is 1 to 100.", "pageSize từ 1 đến 100.")]));
            }

            InboxPage page;
            try
            {
                page = await inbox.ListAsync(query.Who.StaffId, query.UnreadOnly, query.PageSize ?? DefaultPageSize, query.Continuation, cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException)
            {
                return UseCaseResult.Fail<View>(UseCaseProblem.Invalid(
                    [new("continuation", "continuation.invalid", "The continuation is not one this inbox gave.", "Mã trang tiếp theo không hợp lệ.")]));
            }

            return UseCaseResult.Ok(new View(
                [.. page.Items.Select(i => new Item(
                    i.Id, i.Kind, i.CaseId, i.Template, i.Rung, i.Data.GetValueOrDefault("step"),
                    i.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.At, i.Read))],
                page.Unread,
                page.Continuation));
        }
    }
}
