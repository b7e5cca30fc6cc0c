namespace Petitions.Core.Reception;

/// <summary>
/// Crowded complaints (nhiều người cùng khiếu nại, tố cáo, kiến nghị, phản ánh về một nội dung) are
/// presented by representatives. From 5 to 10 people: 1 or 2 representatives; more than 10 people:
/// more may be chosen, never more than 5 (Luật Tiếp công dân 2013, Điều 29 as cited by issue 16; the
/// article number was not re-read on 2026-12-03). Exactly 10 people is still the 1-or-2 band. Everyone
/// else is listed as a co-signer.
/// </summary>
public static class CrowdedComplaint
{
    /// <summary>From this many people a matter is a crowded complaint.</summary>
    public const int Threshold = 5;

    /// <summary>The most representatives a group of any size may send.</summary>
    public const int MaxRepresentatives = 5;

    /// <summary>Up to this many people (inclusive) a group sends at most two representatives.</summary>
    public const int SmallGroupUpTo = 10;

    /// <summary>The most representatives a group of <see cref="Threshold"/> to <see cref="SmallGroupUpTo"/> people may send.</summary>
    public const int SmallGroupRepresentatives = 2;

    /// <summary>How many representatives may attend for a group of <paramref name="people"/>.</summary>
    public static int RepresentativesAllowed(int people)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        return people switch
        {
            < Threshold => people,
            <= SmallGroupUpTo => SmallGroupRepresentatives,
            _ => MaxRepresentatives,
        };
    }

    /// <summary>
    /// Splits a group (in the order given: the first people are the representatives) into those who
    /// attend and those listed as co-signers.
    /// </summary>
    public static (IReadOnlyList<Person> Representatives, IReadOnlyList<Person> CoSigners) Split(IReadOnlyList<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var allowed = RepresentativesAllowed(people.Count);
        return (people.Take(allowed).ToList(), people.Skip(allowed).ToList());
    }
}
