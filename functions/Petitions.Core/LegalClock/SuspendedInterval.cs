namespace Petitions.Core.LegalClock;

/// <summary>
/// A period during which a step was suspended (tạm đình chỉ): from the suspension date up to, not including,
/// the resumption date. <see cref="ResumedOn"/> is null while the suspension lasts.
/// </summary>
public sealed record SuspendedInterval(DateOnly SuspendedOn, DateOnly? ResumedOn)
{
    /// <summary>True when <paramref name="date"/> lies in the interval (an open interval ends at <paramref name="openUntil"/>, exclusive).</summary>
    public bool Covers(DateOnly date, DateOnly? openUntil = null)
    {
        var end = ResumedOn ?? openUntil ?? SuspendedOn;
        return date >= SuspendedOn && date < end;
    }
}
