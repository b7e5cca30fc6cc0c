namespace Petitions.Core.LegalClock;

/// <summary>A computed deadline with the explanation of how it was reached.</summary>
public sealed record Deadline(DateOnly Due, int Limit, ClockUnit Unit, string Source, DeadlineExplanation Explanation);
