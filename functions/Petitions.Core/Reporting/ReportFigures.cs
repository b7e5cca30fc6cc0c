using System.Text.Json.Serialization;

namespace Petitions.Core.Reporting;

/// <summary>
/// The figures of one report bucket (a unit, its head, a kind, a month), or of any sum of buckets. Flows (received,
/// resolved, escalations, ratings, …) add up over months; the stocks <see cref="OpenOnTime"/> and
/// <see cref="OpenOverdue"/> are the cases open at the end of the month (docs/reports.md) and only add up across units.
/// Handling days are kept as a histogram (days → cases) so that means and the 90th percentile survive any sum.
/// </summary>
public sealed class ReportFigures
{
    /// <summary>The figures a drill-down may name (besides <c>escalations.{rung}</c>).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "received", "accepted", "forwardedOrGuided", "refused", "withdrawn", "resolved", "resolvedOnTime", "resolvedLate",
        "openOnTime", "openOverdue", "escalations", "apologies", "ratings",
    ];

    /// <summary>Letters received (tiếp nhận), by the unit that handles them (the routed unit; the receiving unit of a forward).</summary>
    public int Received { get; set; }

    /// <summary>Accepted for resolution (thụ lý).</summary>
    public int Accepted { get; set; }

    /// <summary>Forwarded to the competent unit (chuyển đơn) or the citizen guided to the competent body.</summary>
    public int ForwardedOrGuided { get; set; }

    /// <summary>Refused with a legal reason, or classified as a duplicate.</summary>
    public int Refused { get; set; }

    /// <summary>Wholly withdrawn by the citizen.</summary>
    public int Withdrawn { get; set; }

    /// <summary>Resolved (decision or answer issued; for a denunciation also the end of its resolution, đình chỉ).</summary>
    public int Resolved { get; set; }

    /// <summary>Resolved on or before the legal deadline in force.</summary>
    public int ResolvedOnTime { get; set; }

    /// <summary>Resolved after the legal deadline in force.</summary>
    public int ResolvedLate { get; set; }

    /// <summary>Calendar days past the deadline, summed over the late resolutions.</summary>
    public int DaysLate { get; set; }

    /// <summary>Open at the end of the month (today for the current month), within the deadline or suspended.</summary>
    public int OpenOnTime { get; set; }

    /// <summary>Open at the end of the month (today for the current month), past the deadline in force.</summary>
    public int OpenOverdue { get; set; }

    /// <summary>Apologies sent to the citizen (the overdue rung's phiếu xin lỗi).</summary>
    public int Apologies { get; set; }

    /// <summary>Citizen ratings given.</summary>
    public int Ratings { get; set; }

    /// <summary>Sum of the scores of <see cref="Ratings"/>.</summary>
    public int RatingPoints { get; set; }

    /// <summary>Resolutions by handling days (calendar days from receipt by the unit to the resolution).</summary>
    public SortedDictionary<int, int> HandlingDays { get; init; } = [];

    /// <summary>Escalation rungs fired, by rung (reminder, unit-head, supervisor, overdue, …).</summary>
    public SortedDictionary<string, int> Escalations { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The on-time rate: resolved on time over resolved plus open overdue, 0 to 1; null when there is nothing to judge.
    /// Counting the open overdue cases means a unit cannot raise its rate by leaving late cases unresolved.
    /// </summary>
    [JsonIgnore]
    public double? OnTimeRate => Resolved + OpenOverdue == 0 ? null : Math.Round((double)ResolvedOnTime / (Resolved + OpenOverdue), 4);

    /// <summary>The mean score, or null without ratings.</summary>
    [JsonIgnore]
    public double? MeanRating => Ratings == 0 ? null : Math.Round((double)RatingPoints / Ratings, 2);

    /// <summary>Mean handling days of the resolutions, or null.</summary>
    [JsonIgnore]
    public double? MeanHandlingDays
    {
        get
        {
            var count = HandlingDays.Values.Sum();
            return count == 0 ? null : Math.Round((double)HandlingDays.Sum(h => (long)h.Key * h.Value) / count, 1);
        }
    }

    /// <summary>The 90th percentile of handling days (nearest rank), or null.</summary>
    [JsonIgnore]
    public int? P90HandlingDays
    {
        get
        {
            var count = HandlingDays.Values.Sum();
            if (count == 0)
            {
                return null;
            }

            var rank = (int)Math.Ceiling(0.9 * count);
            var seen = 0;
            foreach (var (days, cases) in HandlingDays)
            {
                seen += cases;
                if (seen >= rank)
                {
                    return days;
                }
            }

            return HandlingDays.Keys.Last();
        }
    }

    /// <summary>True when every figure is zero.</summary>
    [JsonIgnore]
    public bool IsEmpty =>
        Received == 0 && Accepted == 0 && ForwardedOrGuided == 0 && Refused == 0 && Withdrawn == 0 && Resolved == 0 && ResolvedOnTime == 0
        && ResolvedLate == 0 && DaysLate == 0 && OpenOnTime == 0 && OpenOverdue == 0 && Apologies == 0 && Ratings == 0 && RatingPoints == 0
        && HandlingDays.Values.All(v => v == 0) && Escalations.Values.All(v => v == 0);

    /// <summary>Adds <paramref name="other"/> (times <paramref name="sign"/>: -1 subtracts) to these figures.</summary>
    public ReportFigures Add(ReportFigures other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        AddFlows(other, sign);
        OpenOnTime += sign * other.OpenOnTime;
        OpenOverdue += sign * other.OpenOverdue;
        return this;
    }

    /// <summary>Adds the flows of <paramref name="other"/>, not its open cases (summing months of one unit).</summary>
    public ReportFigures AddFlows(ReportFigures other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        Received += sign * other.Received;
        Accepted += sign * other.Accepted;
        ForwardedOrGuided += sign * other.ForwardedOrGuided;
        Refused += sign * other.Refused;
        Withdrawn += sign * other.Withdrawn;
        Resolved += sign * other.Resolved;
        ResolvedOnTime += sign * other.ResolvedOnTime;
        ResolvedLate += sign * other.ResolvedLate;
        DaysLate += sign * other.DaysLate;
        Apologies += sign * other.Apologies;
        Ratings += sign * other.Ratings;
        RatingPoints += sign * other.RatingPoints;
        Merge(HandlingDays, other.HandlingDays, sign);
        Merge(Escalations, other.Escalations, sign);
        return this;
    }

    /// <summary>A copy.</summary>
    public ReportFigures Copy() => new ReportFigures().Add(this);

    /// <summary>The value of a figure named as in <see cref="Names"/> or <c>escalations.{rung}</c> (drill-down); null for an unknown name.</summary>
    public int? Value(string figure) => figure switch
    {
        "received" => Received,
        "accepted" => Accepted,
        "forwardedOrGuided" => ForwardedOrGuided,
        "refused" => Refused,
        "withdrawn" => Withdrawn,
        "resolved" => Resolved,
        "resolvedOnTime" => ResolvedOnTime,
        "resolvedLate" => ResolvedLate,
        "openOnTime" => OpenOnTime,
        "openOverdue" => OpenOverdue,
        "escalations" => Escalations.Values.Sum(),
        "apologies" => Apologies,
        "ratings" => Ratings,
        _ when figure.StartsWith("escalations.", StringComparison.Ordinal) => Escalations.GetValueOrDefault(figure["escalations.".Length..]),
        _ => null,
    };

    private static void Merge<TKey>(SortedDictionary<TKey, int> into, SortedDictionary<TKey, int> from, int sign)
        where TKey : notnull
    {
        foreach (var (key, value) in from)
        {
            var sum = into.GetValueOrDefault(key) + sign * value;
            if (sum == 0)
            {
                into.Remove(key);
            }
            else
            {
                into[key] = sum;
            }
        }
    }
}
