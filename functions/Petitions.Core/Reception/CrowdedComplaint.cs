namespace Petitions.Core.Reception;

/// <summary>
/// Crowded complaints (khiếu nại đông người: 5 or more people on one matter) are presented by
/// representatives. From 5 to 9 people: 1 or 2 representatives; from 10 people: more may be
/// chosen, never more than 5 (Nghị định 75/2012/NĐ-CP, rule carried into Nghị định
/// 124/2020/NĐ-CP; at exactly 10 people the more generous bound is taken). Everyone else is
/// listed as a co-signer.
/// </summary>
public static class CrowdedComplaint
{
    /// <summary>From this many people a matter is a crowded complaint.</summary>
    public const int Threshold = 5;

    /// <summary>The most representatives a group of any size may send.</summary>
    public const int MaxRepresentatives = 5;

    /// <summary>How many representatives may attend for a group of <paramref name="people"/>.</summary>
    public static int RepresentativesAllowed(int people)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        return people switch
        {
            < Threshold => people,
            < 10 => 2,
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
