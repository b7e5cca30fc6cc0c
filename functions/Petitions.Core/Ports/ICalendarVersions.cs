namespace Petitions.Core.Ports;

/// <summary>
/// The fingerprint of each year's official calendar that the open deadlines were last recomputed with
/// (<see cref="UseCases.Calendar.RecomputeCalendarOnStart"/>): year → hash. A year is saved only after its
/// recomputation finished, so a start that crashed midway recomputes that year again.
/// </summary>
public interface ICalendarVersions
{
    /// <summary>Every year stored, with its hash (empty on a system that never recomputed).</summary>
    Task<IReadOnlyDictionary<int, string>> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) the hash of a year.</summary>
    Task SaveAsync(int year, string hash, CancellationToken cancellationToken = default);
}
