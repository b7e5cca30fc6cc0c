namespace Petitions.Core.LegalClock;

/// <summary>One time limit of the law, as data (legal-limits.data.json).</summary>
/// <param name="Kind">complaint, denunciation, petition or letter (any letter).</param>
/// <param name="Step">The step the limit applies to (accept, resolve, resolve-second, preliminary, process…).</param>
/// <param name="Description">What must be done within the limit.</param>
/// <param name="Limit">The ordinary limit.</param>
/// <param name="Unit">Calendar or working days.</param>
/// <param name="CountsFrom">The triggering event; counting starts the day after it.</param>
/// <param name="Variants">Longer limits for complex cases and remote areas, when the law gives them.</param>
/// <param name="Extensions">Extensions the law allows (denunciations), when it allows any.</param>
/// <param name="Source">The article that sets the limit, e.g. "Luật Khiếu nại 2011, Điều 28".</param>
/// <param name="EffectiveFrom">First day the rule is in force (by the trigger date).</param>
/// <param name="EffectiveTo">Last day the rule is in force, or null while it still is.</param>
/// <param name="ConfigurablePerUnit">True when a unit may set its own limit (petitions).</param>
public sealed record LegalLimit(
    string Kind,
    string Step,
    string Description,
    int Limit,
    ClockUnit Unit,
    string CountsFrom,
    LimitVariants? Variants,
    ExtensionRule? Extensions,
    string Source,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    bool ConfigurablePerUnit = false)
{
    /// <summary>True when the rule is in force on <paramref name="date"/>.</summary>
    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>Whether the complex-case variant exists for this step.</summary>
    public bool HasComplexVariant => Variants?.Complex is not null;

    /// <summary>Whether the remote-area variant exists for this step.</summary>
    public bool HasRemoteVariant => Variants?.Remote is not null;

    /// <summary>Why a combination of variants does not apply to this step, or null when it does.</summary>
    public VariantProblem? Check(bool complex, bool remote, int extensions)
    {
        if (complex && !HasComplexVariant)
        {
            return new VariantProblem(VariantProblemKind.ComplexNotApplicable);
        }

        if (remote && !HasRemoteVariant)
        {
            return new VariantProblem(VariantProblemKind.RemoteNotApplicable);
        }

        if (complex && remote && Variants?.RemoteComplex is null)
        {
            return new VariantProblem(VariantProblemKind.ComplexNotApplicable);
        }

        if (extensions < 0)
        {
            return new VariantProblem(VariantProblemKind.ExtensionsOutOfRange);
        }

        if (extensions > 0 && Extensions is null)
        {
            return new VariantProblem(VariantProblemKind.ExtensionsNotApplicable);
        }

        if (Extensions is not null && extensions > Extensions.MaxTimesEspeciallyComplex)
        {
            return new VariantProblem(VariantProblemKind.ExtensionsOutOfRange);
        }

        return null;
    }

    /// <summary>
    /// The limit for a case with these flags and extensions. Throws <see cref="VariantNotApplicableException"/>
    /// when a variant does not exist for this step.
    /// </summary>
    public AppliedLimit Apply(bool complex, bool remote, int extensions)
    {
        if (Check(complex, remote, extensions) is { } problem)
        {
            throw new VariantNotApplicableException(Kind, Step, problem.Kind);
        }

        var notes = new List<string>();
        var variants = new List<LimitAdjustment>();
        var limit = Limit;
        if (complex && remote)
        {
            limit = Variants!.RemoteComplex!.Value;
            notes.Add($"complex case in a remote area: {limit}");
            variants.Add(new("complexRemote", limit));
        }
        else if (remote)
        {
            limit = Variants!.Remote!.Value;
            notes.Add($"remote area: {limit}");
            variants.Add(new("remote", limit));
        }
        else if (complex)
        {
            limit = Variants!.Complex!.Value;
            notes.Add(Variants.Note is null ? $"complex case: {limit}" : $"complex case ({Variants.Note}): {limit}");
            variants.Add(new("complex", limit));
        }

        if (extensions > 0)
        {
            var added = extensions * Extensions!.Days;
            limit += added;
            notes.Add($"{extensions} extension(s) of {Extensions.Days} days ({Extensions.Source}): +{added}");
            variants.Add(new("extension", added, extensions, Extensions.Days, Extensions.Source));
        }

        return new AppliedLimit(this, limit, notes) { Variants = variants };
    }
}

/// <summary>Longer limits the law gives for complex cases and remote areas (vùng sâu, vùng xa, đi lại khó khăn).</summary>
public sealed record LimitVariants(int? Complex, int? Remote, int? RemoteComplex, string? Note);

/// <summary>Extensions of a limit: <see cref="Days"/> each, at most <see cref="MaxTimes"/> (or <see cref="MaxTimesEspeciallyComplex"/>).</summary>
public sealed record ExtensionRule(int Days, int MaxTimes, int MaxTimesEspeciallyComplex, string Source);

/// <summary>A rule's limit after variants and extensions, with a note for each adjustment.</summary>
public sealed record AppliedLimit(LegalLimit Rule, int Limit, IReadOnlyList<string> Adjustments)
{
    /// <summary>The same adjustments as data, for pages that say them in the reader's language.</summary>
    public IReadOnlyList<LimitAdjustment> Variants { get; init; } = [];
}

/// <summary>
/// One adjustment of a limit as data: <paramref name="Kind"/> is <c>complex</c>, <c>remote</c> or <c>complexRemote</c>
/// (then <paramref name="Value"/> is the limit that applies) or <c>extension</c> (then <paramref name="Value"/> is the
/// days added by <paramref name="Count"/> extensions of <paramref name="Days"/> days under <paramref name="Source"/>).
/// </summary>
public sealed record LimitAdjustment(string Kind, int Value, int? Count = null, int? Days = null, string? Source = null);

/// <summary>Why a variant does not apply.</summary>
public sealed record VariantProblem(VariantProblemKind Kind);

/// <summary>The ways a variant can fail to apply to a step.</summary>
public enum VariantProblemKind
{
    /// <summary>The step has no complex-case variant (or none combined with remote area).</summary>
    ComplexNotApplicable,

    /// <summary>The step has no remote-area variant.</summary>
    RemoteNotApplicable,

    /// <summary>The step cannot be extended.</summary>
    ExtensionsNotApplicable,

    /// <summary>More extensions than the law allows, or a negative number.</summary>
    ExtensionsOutOfRange,
}
