namespace Petitions.Core.Ports;

/// <summary>
/// Work the relay must do after a commit, stored in the case's partition with the commit itself. Exactly one of
/// <see cref="Reindex"/>, <see cref="Work"/> and <see cref="Notify"/> is set.
/// </summary>
/// <param name="Id">Row id within the partition, ordered (e.g. "000007-01").</param>
/// <param name="Reindex">Index rows that the case no longer has; the relay deletes them and upserts the current ones.</param>
/// <param name="Work">A message to enqueue.</param>
/// <param name="Notify">A notification to request.</param>
public sealed record OutboxItem(string Id, ReindexItem? Reindex = null, WorkItem? Work = null, NotificationRequest? Notify = null);

/// <summary>Bring the case's index rows up to date; <paramref name="Stale"/> are the rows it had before this commit and no longer has.</summary>
public sealed record ReindexItem(IReadOnlyList<IndexKey> Stale);

/// <summary>A message for a logical queue (see <see cref="CaseQueues"/>).</summary>
public sealed record WorkItem(string Queue, string Message, TimeSpan? Delay = null);

/// <summary>The logical queues of case handling (mapped to real names by configuration).</summary>
public static class CaseQueues
{
    /// <summary>Relay the outbox of a case: message <c>{"caseId"}</c>.</summary>
    public const string Outbox = "case-outbox";

    /// <summary>Route and assign a new case: message <c>{"caseId"}</c>.</summary>
    public const string Intake = "case-intake";

    /// <summary>Fire the due escalation rungs of a case: message <c>{"caseId"}</c>.</summary>
    public const string Escalations = "escalations";

    /// <summary>Send a notification: message <c>{"notificationId"}</c>.</summary>
    public const string Notifications = "notifications";

    /// <summary>ACS delivery reports (Event Grid events).</summary>
    public const string DeliveryReports = "delivery-reports";

    /// <summary>Verified Zalo webhook events (raw JSON).</summary>
    public const string ZaloEvents = "zalo-events";
}

/// <summary>The message on case queues.</summary>
public sealed record CaseMessage(string CaseId)
{
    /// <summary>
    /// On <c>escalations</c>: the sweep that enqueued the case (<c>yyyyMMddHHmm</c> of its run, application clock), so
    /// the staff told in that sweep get one message each (a digest); null elsewhere.
    /// </summary>
    public string? Sweep { get; init; }
}
