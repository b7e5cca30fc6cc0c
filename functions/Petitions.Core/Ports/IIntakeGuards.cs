namespace Petitions.Core.Ports;

/// <summary>
/// The result of reserving an idempotency key: the case id bound to it (the caller's proposal when
/// <see cref="IsNew"/>, otherwise the first request's) and the first request's fingerprint.
/// </summary>
public sealed record IdempotencyReservation(string CaseId, string RequestFingerprint, bool IsNew);

/// <summary>Idempotency keys and flood limits of the intake.</summary>
public interface IIntakeGuards
{
    /// <summary>
    /// Binds <paramref name="keyHash"/> to <paramref name="proposedCaseId"/> unless it is already bound: the first
    /// writer wins, and every later or concurrent request learns the same case id.
    /// </summary>
    Task<IdempotencyReservation> ReserveAsync(string keyHash, string requestFingerprint, string proposedCaseId, CancellationToken cancellationToken = default);

    /// <summary>Frees a key reserved by a request that was then refused (flood limit), if still bound to <paramref name="caseId"/>.</summary>
    Task ReleaseAsync(string keyHash, string caseId, CancellationToken cancellationToken = default);

    /// <summary>Counts one letter in the fixed window of <paramref name="bucket"/>; null when allowed, else how long to wait.</summary>
    Task<TimeSpan?> CountAsync(string bucket, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken = default);
}
