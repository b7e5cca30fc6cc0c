namespace Petitions.Core.Ports;

/// <summary>What an inbox item is about.</summary>
public static class InboxItemKinds
{
    /// <summary>An escalation rung (reminder, head, supervisor, overdue, promise rungs): <see cref="InboxItem.Rung"/> set.</summary>
    public const string Escalation = "escalation";

    /// <summary>Any other staff notice from case handling (assignment, routing, forward received).</summary>
    public const string Notice = "notice";

    /// <summary>An instruction from the level above (desk, issue 22).</summary>
    public const string Instruction = "instruction";
}

/// <summary>
/// One item in a member of staff's inbox. No personal data: ids, codes, dates, the rung, and small template values.
/// </summary>
/// <param name="Id">Unique within the inbox; a repeated add with the same id is a no-op (use a deterministic id).</param>
/// <param name="StaffId">Whose inbox.</param>
/// <param name="Kind">See <see cref="InboxItemKinds"/>.</param>
/// <param name="CaseId">The case (tracking code) it is about.</param>
/// <param name="Template">What it says, e.g. <c>escalation.unit-head</c>, <c>case.assigned</c>, <c>desk.instruction</c>.</param>
/// <param name="Rung">The escalation rung, for escalations.</param>
/// <param name="Due">The due date the item is about, if any.</param>
/// <param name="At">When it was put in the inbox.</param>
/// <param name="Data">Template values (never names, phones, addresses or letter text).</param>
/// <param name="ReadAt">When its owner first opened it; null while unread.</param>
public sealed record InboxItem(
    string Id,
    string StaffId,
    string Kind,
    string CaseId,
    string Template,
    string? Rung,
    DateOnly? Due,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string> Data,
    DateTimeOffset? ReadAt = null)
{
    /// <summary>True once opened.</summary>
    public bool Read => ReadAt is not null;

    /// <summary>The sweep that produced an escalation (for the one-message-per-sweep digest), if any.</summary>
    public string? Sweep => Data.GetValueOrDefault("sweep");
}

/// <summary>A page of an inbox, newest first.</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Unread, string? Continuation);

/// <summary>
/// The staff inbox (port). Anyone may put items in it (<see cref="AddAsync"/> is idempotent by id); the inbox page and
/// the escalation digest read it; only its owner marks items read.
/// </summary>
public interface IStaffInbox
{
    /// <summary>Adds the item unless one with its id is already in that inbox (safe to repeat).</summary>
    Task AddAsync(InboxItem item, CancellationToken cancellationToken = default);

    /// <summary>One item, or null.</summary>
    Task<InboxItem?> FindAsync(string staffId, string id, CancellationToken cancellationToken = default);

    /// <summary>Newest first; <paramref name="unreadOnly"/> filters; <paramref name="continuation"/> from a previous page.</summary>
    Task<InboxPage> ListAsync(string staffId, bool unreadOnly, int take, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks the item read at <paramref name="at"/> (ETag-guarded). Returns the item as stored and whether this call was
    /// the first read; null when there is no such item.
    /// </summary>
    Task<(InboxItem Item, bool FirstRead)?> MarkReadAsync(string staffId, string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}
