using System.Text.Json;
using System.Text.Json.Serialization;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Escalation;

/// <summary>The escalation ladder as data (escalation-ladder.data.json): default rungs and per kind/step overrides.</summary>
public sealed class EscalationLadder
{
    /// <summary>The embedded resource name of the ladder.</summary>
    public const string ResourceName = "escalation-ladder.data.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>
    /// How many working days after the due date a rung may fire (negative lead): a rung that acts on a limit having
    /// passed, such as proposing to close a case once a decision has taken effect.
    /// </summary>
    public const int MaxDaysAfterDue = 5;

    private readonly IReadOnlyList<EscalationOverride> _overrides;

    /// <summary>Creates a validated ladder; throws <see cref="LegalLimitsDataException"/> listing every problem.</summary>
    public EscalationLadder(IReadOnlyList<EscalationRung> defaults, IReadOnlyList<EscalationOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        overrides ??= [];
        var problems = new List<string>();
        Validate(defaults, "default", problems);
        foreach (var o in overrides)
        {
            if (string.IsNullOrWhiteSpace(o.Kind) || string.IsNullOrWhiteSpace(o.Step))
            {
                problems.Add("overrides: kind and step are required");
            }

            Validate(o.Rungs ?? [], $"overrides {o.Kind}/{o.Step}", problems);
        }

        if (problems.Count > 0)
        {
            throw new LegalLimitsDataException(problems);
        }

        Default = Ordered(defaults);
        _overrides = [.. overrides.Select(o => o with { Rungs = Ordered(o.Rungs) })];
    }

    /// <summary>The default rungs, earliest first.</summary>
    public IReadOnlyList<EscalationRung> Default { get; }

    /// <summary>The longest lead time of any rung, in working days: how far ahead the sweep reads due-date buckets.</summary>
    public int LongestLeadWorkingDays =>
        Math.Max(0, Default.Concat(_overrides.SelectMany(o => o.Rungs)).Max(r => r.LeadWorkingDays));

    /// <summary>Loads and validates the ladder embedded in Petitions.Core.</summary>
    public static EscalationLadder LoadEmbedded()
    {
        var assembly = typeof(EscalationLadder).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ResourceName, StringComparison.Ordinal))
            ?? throw new LegalLimitsDataException($"embedded resource {ResourceName} is missing");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses and validates a ladder from JSON.</summary>
    public static EscalationLadder Parse(string json)
    {
        LadderDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<LadderDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new LegalLimitsDataException($"not valid JSON for the escalation ladder ({e.Path}: {e.Message})", e);
        }

        if (document?.Default is null)
        {
            throw new LegalLimitsDataException("the escalation ladder has no \"default\" rungs");
        }

        return new EscalationLadder(document.Default, document.Overrides);
    }

    /// <summary>The rungs for a kind and step, earliest first.</summary>
    public IReadOnlyList<EscalationRung> RungsFor(string kind, string step) =>
        _overrides.FirstOrDefault(o => o.Kind == kind && o.Step == step)?.Rungs ?? Default;

    private static List<EscalationRung> Ordered(IReadOnlyList<EscalationRung> rungs) =>
        [.. rungs.OrderByDescending(r => r.LeadWorkingDays)];

    private static void Validate(IReadOnlyList<EscalationRung> rungs, string at, List<string> problems)
    {
        if (rungs.Count == 0)
        {
            problems.Add($"{at}: at least one rung is required");
        }

        foreach (var rung in rungs)
        {
            if (string.IsNullOrWhiteSpace(rung.Rung) || rung.Rung.IndexOfAny(['/', '\\', '#', '?', '|']) >= 0)
            {
                problems.Add($"{at}: a rung needs a name without / \\ # ? |");
            }

            if (rung.LeadWorkingDays < -MaxDaysAfterDue)
            {
                problems.Add($"{at}/{rung.Rung}: leadWorkingDays must not be below -{MaxDaysAfterDue} (a rung at most {MaxDaysAfterDue} working days after the due date)");
            }

            if (rung.Notify is null || rung.Notify.Count == 0)
            {
                problems.Add($"{at}/{rung.Rung}: notify must name at least one audience");
            }
        }

        foreach (var duplicate in rungs.GroupBy(r => r.Rung).Where(g => g.Count() > 1))
        {
            problems.Add($"{at}: rung {duplicate.Key} appears twice");
        }
    }

    private sealed record LadderDocument(IReadOnlyList<EscalationRung>? Default, IReadOnlyList<EscalationOverride>? Overrides);
}
