namespace Petitions.Core.LegalClock;

/// <summary>
/// A rule that suspended time (tạm đình chỉ) does not count towards a limit, for a kind ("*" = every kind),
/// on the days it is in force (Luật 136/2025/QH15 from 2026-07-01).
/// </summary>
public sealed record SuspensionRule(string Kind, string Note, string Source, DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    /// <summary>True when a day suspended on <paramref name="date"/> does not count for <paramref name="kind"/>.</summary>
    public bool PausesOn(string kind, DateOnly date) =>
        (Kind == "*" || string.Equals(Kind, kind, StringComparison.Ordinal))
        && date >= EffectiveFrom
        && (EffectiveTo is null || date <= EffectiveTo);
}
