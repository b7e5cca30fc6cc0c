using System.Text.Json;
using System.Text.Json.Serialization;

namespace Petitions.Core.LegalClock;

/// <summary>
/// The table of legal limits (design.md §4) loaded from data and validated: every row has a kind, a step,
/// a positive limit, a unit, a source article and a valid period, and no two rows for one step overlap.
/// </summary>
public sealed class LegalLimits
{
    /// <summary>The embedded resource name of the limits file.</summary>
    public const string ResourceName = "legal-limits.data.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private LegalLimits(IReadOnlyList<LegalLimit> limits, IReadOnlyList<SuspensionRule> suspension)
    {
        Limits = limits;
        Suspension = suspension;
    }

    /// <summary>Every limit row.</summary>
    public IReadOnlyList<LegalLimit> Limits { get; }

    /// <summary>The rules under which suspended days do not count.</summary>
    public IReadOnlyList<SuspensionRule> Suspension { get; }

    /// <summary>The kinds that have at least one rule.</summary>
    public IEnumerable<string> Kinds => Limits.Select(l => l.Kind).Distinct(StringComparer.Ordinal);

    /// <summary>The steps of a kind.</summary>
    public IEnumerable<string> StepsOf(string kind) =>
        Limits.Where(l => l.Kind == kind).Select(l => l.Step).Distinct(StringComparer.Ordinal);

    /// <summary>Loads and validates the limits embedded in Petitions.Core.</summary>
    public static LegalLimits LoadEmbedded()
    {
        var assembly = typeof(LegalLimits).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ResourceName, StringComparison.Ordinal))
            ?? throw new LegalLimitsDataException($"embedded resource {ResourceName} is missing");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses and validates limits from JSON; throws <see cref="LegalLimitsDataException"/> listing every problem.</summary>
    public static LegalLimits Parse(string json)
    {
        LegalLimitsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<LegalLimitsDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new LegalLimitsDataException($"not valid JSON for the limits table ({e.Path}: {e.Message})", e);
        }

        if (document?.Limits is null || document.Limits.Count == 0)
        {
            throw new LegalLimitsDataException("the file has no \"limits\" rows");
        }

        var suspension = document.Suspension ?? [];
        var problems = new List<string>();
        for (var i = 0; i < document.Limits.Count; i++)
        {
            Validate(document.Limits[i], $"limits[{i}]", problems);
        }

        for (var i = 0; i < suspension.Count; i++)
        {
            var rule = suspension[i];
            var at = $"suspension[{i}]";
            Require(!string.IsNullOrWhiteSpace(rule.Kind), at, "kind is required (\"*\" for every kind)", problems);
            Require(!string.IsNullOrWhiteSpace(rule.Source), at, "source is required", problems);
            Require(rule.EffectiveTo is null || rule.EffectiveTo >= rule.EffectiveFrom, at, "effectiveTo is before effectiveFrom", problems);
            Require(!rule.Obstacle || !string.IsNullOrWhiteSpace(rule.Step), at, "an obstacle rule names its step (e.g. complaint/file)", problems);
        }

        foreach (var group in document.Limits.Where(l => l.Kind is not null && l.Step is not null).GroupBy(l => (l.Kind, l.Step)))
        {
            var rows = group.OrderBy(l => l.EffectiveFrom).ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                var previousEnd = rows[i - 1].EffectiveTo;
                Require(
                    previousEnd is not null && previousEnd < rows[i].EffectiveFrom,
                    $"{group.Key.Kind}/{group.Key.Step}",
                    $"two rules are in force at once from {rows[i].EffectiveFrom:yyyy-MM-dd}",
                    problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new LegalLimitsDataException(problems);
        }

        return new LegalLimits(document.Limits, suspension);
    }

    /// <summary>The rule for a kind and step in force on <paramref name="on"/> (the trigger date), or null.</summary>
    public LegalLimit? Find(string kind, string step, DateOnly on) =>
        Limits.FirstOrDefault(l => l.Kind == kind && l.Step == step && l.IsInForceOn(on));

    /// <summary>The rule for a kind and step in force on <paramref name="on"/>; throws when there is none.</summary>
    public LegalLimit Get(string kind, string step, DateOnly on) =>
        Find(kind, step, on) ?? throw new UnknownLegalLimitException(kind, step, on);

    /// <summary>True when a day suspended on <paramref name="date"/> does not count for <paramref name="kind"/>.</summary>
    public SuspensionRule? SuspensionRuleOn(string kind, DateOnly date) =>
        Suspension.FirstOrDefault(s => s.Step is null && s.PausesOn(kind, date));

    /// <summary>
    /// The rule under which a day suspended on <paramref name="date"/> does not count for <paramref name="kind"/>/<paramref name="step"/>:
    /// a rule for that very step first (e.g. the filing-limit obstacle), then one for the whole kind; null when the day counts.
    /// </summary>
    public SuspensionRule? SuspensionRuleOn(string kind, string step, DateOnly date) =>
        Suspension.FirstOrDefault(s => s.Step is not null && s.PausesOn(kind, step, date))
        ?? SuspensionRuleOn(kind, date);

    private static void Validate(LegalLimit limit, string at, List<string> problems)
    {
        if (limit.Kind is not null && limit.Step is not null)
        {
            at = $"{at} ({limit.Kind}/{limit.Step})";
        }

        Require(!string.IsNullOrWhiteSpace(limit.Kind), at, "kind is required", problems);
        Require(!string.IsNullOrWhiteSpace(limit.Step), at, "step is required", problems);
        Require(!string.IsNullOrWhiteSpace(limit.Description), at, "description is required", problems);
        Require(!string.IsNullOrWhiteSpace(limit.CountsFrom), at, "countsFrom (the triggering event) is required", problems);
        Require(!string.IsNullOrWhiteSpace(limit.Source), at, "source (the article) is required", problems);
        Require(limit.Limit > 0, at, "limit must be a positive number of days", problems);
        Require(Enum.IsDefined(limit.Unit), at, "unit must be calendarDays or workingDays", problems);
        Require(limit.EffectiveFrom != default, at, "effectiveFrom is required", problems);
        Require(limit.EffectiveTo is null || limit.EffectiveTo >= limit.EffectiveFrom, at, "effectiveTo is before effectiveFrom", problems);
        if (limit.Variants is { } v)
        {
            Require(v.Complex is null or > 0 && v.Remote is null or > 0 && v.RemoteComplex is null or > 0, at, "variant limits must be positive", problems);
            Require(v.Complex is null || v.Complex >= limit.Limit, at, "the complex-case limit is shorter than the ordinary one", problems);
            Require(v.Remote is null || v.Remote >= limit.Limit, at, "the remote-area limit is shorter than the ordinary one", problems);
            Require(
                v.RemoteComplex is null || (v.RemoteComplex >= (v.Complex ?? limit.Limit) && v.RemoteComplex >= (v.Remote ?? limit.Limit)),
                at,
                "the remote+complex limit is shorter than the complex or remote one",
                problems);
        }

        if (limit.Extensions is { } e)
        {
            Require(e.Days > 0, at, "extension days must be positive", problems);
            Require(e.MaxTimes > 0 && e.MaxTimesEspeciallyComplex >= e.MaxTimes, at, "maxTimes must be positive and not above maxTimesEspeciallyComplex", problems);
            Require(!string.IsNullOrWhiteSpace(e.Source), at, "extension source is required", problems);
        }
    }

    private static void Require(bool condition, string at, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add($"{at}: {problem}");
        }
    }

    private sealed record LegalLimitsDocument(IReadOnlyList<LegalLimit> Limits, IReadOnlyList<SuspensionRule>? Suspension);
}
