namespace Petitions.Core.LegalClock;

/// <summary>The legal-limits data is invalid; the app must not start with it.</summary>
public sealed class LegalLimitsDataException : Exception
{
    /// <summary>Creates the exception with every problem found.</summary>
    public LegalLimitsDataException(IReadOnlyList<string> problems)
        : base("Invalid legal-limits data: " + string.Join("; ", problems)) => Problems = problems;

    /// <summary>Creates the exception with one problem.</summary>
    public LegalLimitsDataException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception (serialisation shape).</summary>
    public LegalLimitsDataException()
        : this("unknown problem")
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public LegalLimitsDataException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Every problem, one per line, naming the row.</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>No rule for this kind and step is in force on the date.</summary>
public sealed class UnknownLegalLimitException(string kind, string step, DateOnly on)
    : Exception($"No legal limit for {kind}/{step} is in force on {on:yyyy-MM-dd}.")
{
    /// <summary>The kind asked for.</summary>
    public string Kind { get; } = kind;

    /// <summary>The step asked for.</summary>
    public string Step { get; } = step;

    /// <summary>The date asked for.</summary>
    public DateOnly On { get; } = on;
}

/// <summary>A variant (complex, remote area, extensions) was asked for a step the law gives none for.</summary>
public sealed class VariantNotApplicableException(string kind, string step, VariantProblemKind problem)
    : Exception($"{problem} for {kind}/{step}.")
{
    /// <summary>The kind.</summary>
    public string Kind { get; } = kind;

    /// <summary>The step.</summary>
    public string Step { get; } = step;

    /// <summary>What does not apply.</summary>
    public VariantProblemKind Problem { get; } = problem;
}
