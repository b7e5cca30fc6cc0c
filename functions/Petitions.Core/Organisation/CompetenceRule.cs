namespace Petitions.Core.Organisation;

/// <summary>Who resolves a letter, relative to the unit concerned or the unit it was filed with.</summary>
public enum Resolver
{
    /// <summary>The unit whose decision or official is concerned (e.g. a commune chairman for their own decision).</summary>
    ConcernedUnit,

    /// <summary>The parent of the concerned unit (e.g. the provincial chairman for a second-instance complaint).</summary>
    ParentOfConcernedUnit,

    /// <summary>The unit the letter was filed with (petitions and feedback).</summary>
    FiledUnit,

    /// <summary>Outside this organisation (e.g. a ministry or a court): the citizen is guided there.</summary>
    Outside,
}

/// <summary>
/// One competence rule: for a kind of letter (and instance), concerning a unit of a level (and
/// whether the official concerned is that unit's head), who must resolve it. Rules are data
/// (organisation JSON), matched in order; the first match wins.
/// </summary>
/// <param name="Kind">"complaint", "denunciation" or "petition".</param>
/// <param name="Instance">For complaints: 1 or 2; null matches any.</param>
/// <param name="ConcernedLevels">Levels of the concerned unit the rule covers; empty matches any (and letters concerning no unit).</param>
/// <param name="ConcerningHead">True: the official concerned is the unit's head; false: its staff; null: either.</param>
/// <param name="Resolver">Who resolves it.</param>
/// <param name="Source">The legal source, e.g. "Luật Khiếu nại 2011, Điều 17".</param>
public sealed record CompetenceRule(
    string Kind,
    int? Instance,
    IReadOnlyList<UnitLevel> ConcernedLevels,
    bool? ConcerningHead,
    Resolver Resolver,
    string Source);
