namespace Petitions.Core.Organisation;

/// <summary>What to do with a letter filed with a unit.</summary>
public enum CompetenceOutcome
{
    /// <summary>The unit it was filed with resolves it.</summary>
    Handle,

    /// <summary>Another unit of this organisation resolves it: forward it there (denunciations, petitions; complaints are routed).</summary>
    Forward,

    /// <summary>No unit of this organisation is competent: guide the citizen to the competent body.</summary>
    Guide,
}

/// <summary>The result of applying the competence rules to a letter.</summary>
/// <param name="Outcome">Handle, forward or guide.</param>
/// <param name="ResolvingUnitId">The unit that must resolve it (null when the citizen is guided outside).</param>
/// <param name="Rule">The rule that decided it, with its source.</param>
public sealed record CompetenceDecision(CompetenceOutcome Outcome, string? ResolvingUnitId, CompetenceRule Rule);

/// <summary>What the competence rules need to know about a letter.</summary>
/// <param name="Kind">"complaint", "denunciation" or "petition".</param>
/// <param name="Instance">1 or 2 for complaints; 1 otherwise.</param>
/// <param name="FiledUnitId">The unit the citizen filed with.</param>
/// <param name="ConcernedUnitId">The unit whose decision, act or official is concerned, when stated.</param>
/// <param name="ConcerningHead">Whether the official concerned is the head of that unit.</param>
public sealed record CompetenceQuery(string Kind, int Instance, string FiledUnitId, string? ConcernedUnitId, bool ConcerningHead);
