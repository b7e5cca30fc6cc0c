using System.Text.Json;
using System.Text.Json.Serialization;
using Petitions.Core.Organisation;

namespace Petitions.Core.Reception;

/// <summary>
/// How often the head of a unit of given levels must receive citizens in person, in force over a
/// date range, with its legal source. Loaded from <c>legal-minimums.data.json</c>.
/// </summary>
/// <param name="Id">Stable id of the rule.</param>
/// <param name="Levels">Unit levels it applies to.</param>
/// <param name="Days">Minimum distinct reception days per period.</param>
/// <param name="Per">Week (Monday–Sunday) or calendar month.</param>
/// <param name="From">First day in force.</param>
/// <param name="Until">Last day in force, or null when open-ended.</param>
/// <param name="Source">Article and law.</param>
/// <param name="Confirmed">Whether the figure was checked against the statute text (see docs/reception.md).</param>
public sealed record LegalMinimum(
    string Id,
    IReadOnlyList<UnitLevel> Levels,
    int Days,
    MinimumPeriod Per,
    DateOnly From,
    DateOnly? Until,
    string Source,
    bool Confirmed)
{
    /// <summary>Whether the rule is in force on <paramref name="date"/>.</summary>
    public bool InForceOn(DateOnly date) => date >= From && (Until is null || date <= Until);
}

/// <summary>The period a minimum counts over.</summary>
public enum MinimumPeriod
{
    /// <summary>A calendar week, Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,
}

/// <summary>Loads the legal minimums shipped with the app.</summary>
public static class LegalMinimums
{
    public const string ResourceName = "Petitions.Core.Reception.legal-minimums.data.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly Lazy<IReadOnlyList<LegalMinimum>> Shipped = new(LoadShipped);

    /// <summary>The shipped rules.</summary>
    public static IReadOnlyList<LegalMinimum> All => Shipped.Value;

    /// <summary>Parses and checks rules: every one needs levels, days ≥ 1, a source, and From ≤ Until.</summary>
    public static IReadOnlyList<LegalMinimum> Parse(string json)
    {
        var doc = JsonSerializer.Deserialize<Document>(json, Json)
            ?? throw new InvalidDataException("The legal minimums document is empty.");
        var rules = doc.Minimums ?? [];
        var problems = rules
            .Select((r, i) => (r, i))
            .Where(x => x.r.Levels.Count == 0 || x.r.Days < 1 || string.IsNullOrWhiteSpace(x.r.Source) || x.r.Until < x.r.From)
            .Select(x => $"minimums[{x.i}] ('{x.r.Id}') needs levels, days ≥ 1, a source, and from ≤ until")
            .ToList();
        return problems.Count > 0 ? throw new InvalidDataException(string.Join("; ", problems)) : rules;
    }

    private static IReadOnlyList<LegalMinimum> LoadShipped()
    {
        using var stream = typeof(LegalMinimums).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed class Document
    {
        public List<LegalMinimum>? Minimums { get; set; }
    }
}
