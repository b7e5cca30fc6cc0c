using Petitions.Core.Reception;

namespace Petitions.Core.UseCases.Reception;

/// <summary>A session cancelled by staff, as stored.</summary>
/// <param name="SessionId">The session (<c>{scheduleId}-{yyyyMMdd}</c>).</param>
/// <param name="Cancellation">Schedule, original date and the published reason.</param>
/// <param name="ByStaffId">Who cancelled it.</param>
/// <param name="At">When.</param>
public sealed record StoredSessionCancellation(string SessionId, SessionCancellation Cancellation, string ByStaffId, DateTimeOffset At);

/// <summary>A record of unscheduled reception (tiếp công dân đột xuất), as stored.</summary>
/// <param name="Session">The occurrence (kind unscheduled; its reason is the ground's published wording).</param>
/// <param name="GroundId">The legal ground (<see cref="UnscheduledGrounds"/>).</param>
/// <param name="Note">Staff's note; internal, may name people (sealed at rest).</param>
/// <param name="ByStaffId">Who recorded it.</param>
/// <param name="At">When.</param>
public sealed record UnscheduledRecord(ReceptionOccurrence Session, string GroundId, string? Note, string ByStaffId, DateTimeOffset At);

/// <summary>
/// What staff change in the published calendar after the schedules were loaded: single sessions cancelled, and
/// unscheduled reception recorded. Both are add-only and keyed by the session id, so a repeated request finds the
/// first one in place.
/// </summary>
public interface IReceptionSessionChanges
{
    /// <summary>Every stored cancellation.</summary>
    Task<IReadOnlyList<StoredSessionCancellation>> CancellationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a cancellation; returns the one in place (the given one, or an earlier one for the same session).</summary>
    Task<StoredSessionCancellation> CancelAsync(StoredSessionCancellation cancellation, CancellationToken cancellationToken = default);

    /// <summary>Stores an unscheduled reception; false when one with the same id (unit, day, start) exists.</summary>
    Task<bool> AddUnscheduledAsync(UnscheduledRecord record, CancellationToken cancellationToken = default);

    /// <summary>The unscheduled reception with this id, or null.</summary>
    Task<UnscheduledRecord?> FindUnscheduledAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>The unit's unscheduled reception on days in [from, to], by start.</summary>
    Task<IReadOnlyList<UnscheduledRecord>> UnscheduledAsync(string unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
