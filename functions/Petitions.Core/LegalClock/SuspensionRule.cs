namespace Petitions.Core.LegalClock;

/// <summary>
/// A rule that suspended time does not count towards a limit, for a kind ("*" = every kind) and optionally one
/// step, on the days it is in force: tạm đình chỉ of a denunciation (Luật Tố cáo 2018, Điều 34 khoản 2, from
/// 2019-01-01), of a complaint (Luật 136/2025/QH15, from 2026-07-01), or, with <see cref="Obstacle"/>, the
/// objective obstacles that stop the complaint filing limit (Luật Khiếu nại 2011, Điều 9).
/// </summary>
/// <param name="Kind">The legal kind, or "*".</param>
/// <param name="Note">What the rule says.</param>
/// <param name="Source">Article and document.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">Last day in force, or null.</param>
/// <param name="Step">Only this step, or null for every step of the kind.</param>
/// <param name="Obstacle">True when the excluded days are an obstacle recorded by the staff, not a suspension.</param>
public sealed record SuspensionRule(string Kind, string Note, string Source, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Step = null, bool Obstacle = false)
{
    /// <summary>True when a day suspended on <paramref name="date"/> does not count for <paramref name="kind"/> (any step).</summary>
    public bool PausesOn(string kind, DateOnly date) => PausesOn(kind, null, date);

    /// <summary>True when a day suspended on <paramref name="date"/> does not count for <paramref name="kind"/>/<paramref name="step"/>.</summary>
    public bool PausesOn(string kind, string? step, DateOnly date) =>
        (Kind == "*" || string.Equals(Kind, kind, StringComparison.Ordinal))
        && (Step is null || string.Equals(Step, step, StringComparison.Ordinal))
        && date >= EffectiveFrom
        && (EffectiveTo is null || date <= EffectiveTo);
}
