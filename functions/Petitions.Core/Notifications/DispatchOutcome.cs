namespace Petitions.Core.Notifications;

/// <summary>What a dispatch did.</summary>
public enum DispatchStatus
{
    /// <summary>No record with that id.</summary>
    NotFound,

    /// <summary>Sent now.</summary>
    Sent,

    /// <summary>Already sent (or delivered) earlier; nothing was sent now.</summary>
    AlreadySent,

    /// <summary>Not due yet (quiet hours or due time): dispatch again at <see cref="DispatchOutcome.RetryAt"/>.</summary>
    Deferred,

    /// <summary>A failure that may pass: dispatch again at <see cref="DispatchOutcome.RetryAt"/>.</summary>
    RetryLater,

    /// <summary>Another dispatcher is working on it right now: dispatch again a little later.</summary>
    Busy,

    /// <summary>Every channel failed; nothing more will be tried.</summary>
    Failed,

    /// <summary>A delivery report was recorded.</summary>
    Recorded,
}

/// <summary>The result of <see cref="NotificationDispatcher"/>; the queue adapter turns RetryAt into a visibility delay.</summary>
public sealed record DispatchOutcome(DispatchStatus Status, DateTimeOffset? RetryAt = null)
{
    public static DispatchOutcome Of(DispatchStatus status) => new(status);
}
