using Petitions.Core.Reception;

namespace Petitions.Core.UseCases.Reception;

/// <summary>
/// The calendar as published: the schedules' sessions (<see cref="ReceptionDirectory"/>) with the cancellations staff
/// made since, plus the unscheduled reception recorded (<see cref="IReceptionSessionChanges"/>). Every reader of
/// sessions (feed, list, booking, reminders, offers, flags) goes through here, so a staff change shows everywhere.
/// </summary>
public sealed class ReceptionCalendar(ReceptionDirectory directory, IReceptionSessionChanges changes)
{
    /// <summary>The marker in the id of an unscheduled reception (<c>{unitId}-dotxuat-{yyyyMMdd}-{HHmm}</c>).</summary>
    public const string UnscheduledMarker = "-dotxuat-";

    /// <summary>The schedules and the organisation.</summary>
    public ReceptionDirectory Directory { get; } = directory ?? throw new ArgumentNullException(nameof(directory));

    /// <summary>Every session of the unit (periodic and unscheduled) whose original or actual date is in [from, to], by start.</summary>
    public async Task<IReadOnlyList<ReceptionOccurrence>> SessionsAsync(string unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var cancellations = await CancellationsAsync(cancellationToken).ConfigureAwait(false);
        var unscheduled = await changes.UnscheduledAsync(unitId, from, to, cancellationToken).ConfigureAwait(false);
        return [.. Directory.Sessions(unitId, from, to, cancellations)
            .Concat(unscheduled.Select(u => u.Session))
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Id, StringComparer.Ordinal)];
    }

    /// <summary>The session with this id (periodic or unscheduled), or null.</summary>
    public async Task<ReceptionOccurrence?> FindSessionAsync(string? sessionId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return null;
        }

        if (sessionId.Contains(UnscheduledMarker, StringComparison.Ordinal))
        {
            return (await changes.FindUnscheduledAsync(sessionId, cancellationToken).ConfigureAwait(false))?.Session;
        }

        return Directory.FindSession(sessionId, await CancellationsAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The first session of the head's own schedules that starts after <paramref name="after"/> and takes place.</summary>
    public async Task<ReceptionOccurrence?> NextSessionOfAsync(string headStaffId, DateTimeOffset after, CancellationToken cancellationToken = default) =>
        Directory.NextSessionOf(headStaffId, after, await CancellationsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Shortfalls against the legal minimum in the month, counting the sessions staff cancelled as not held.</summary>
    public async Task<IReadOnlyList<MinimumShortfall>> FlagsAsync(int year, int month, CancellationToken cancellationToken = default) =>
        Directory.Flags(year, month, await CancellationsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The slot length of a session: its schedule's, or 20 minutes for unscheduled reception (walk-ins only).</summary>
    public TimeSpan SlotLengthOf(ReceptionOccurrence session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.ScheduleId is null ? TimeSpan.FromMinutes(20) : Directory.ScheduleOf(session).SlotLength;
    }

    private async Task<IReadOnlyList<SessionCancellation>> CancellationsAsync(CancellationToken cancellationToken) =>
        [.. (await changes.CancellationsAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Cancellation)];
}
