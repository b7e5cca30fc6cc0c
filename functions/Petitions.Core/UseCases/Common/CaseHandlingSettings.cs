namespace Petitions.Core.UseCases.Common;

/// <summary>Settings of case handling (section <c>CaseHandling</c>).</summary>
public sealed class CaseHandlingSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CaseHandling";

    /// <summary>Letters one phone number may file per window.</summary>
    public int LettersPerPhone { get; set; } = 5;

    /// <summary>Letters one client address may file per window.</summary>
    public int LettersPerClient { get; set; } = 20;

    /// <summary>The fixed window of the flood limits.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>"Due soon" means due within this many working days.</summary>
    public int DueSoonWorkingDays { get; set; } = 5;

    /// <summary>The new appointment promised in an apology (phiếu xin lỗi): this many working days after the missed due date.</summary>
    public int ApologyNewDateWorkingDays { get; set; } = 5;

    /// <summary>How long a staff digest waits for the rest of its sweep before it is written and sent (issue 21).</summary>
    public TimeSpan StaffDigestDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The safety-net relay message's delay.</summary>
    public TimeSpan SafetyNetDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Every problem, in words an operator can act on.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (LettersPerPhone < 1)
        {
            problems.Add($"{SectionName}:LettersPerPhone must be at least 1 (is {LettersPerPhone}).");
        }

        if (LettersPerClient < 1)
        {
            problems.Add($"{SectionName}:LettersPerClient must be at least 1 (is {LettersPerClient}).");
        }

        if (RateWindow < TimeSpan.FromMinutes(1) || RateWindow > TimeSpan.FromDays(1))
        {
            problems.Add($"{SectionName}:RateWindow must be between 00:01:00 and 1.00:00:00 (is {RateWindow}).");
        }

        if (DueSoonWorkingDays is < 1 or > 60)
        {
            problems.Add($"{SectionName}:DueSoonWorkingDays must be 1 to 60 (is {DueSoonWorkingDays}).");
        }

        if (ApologyNewDateWorkingDays is < 1 or > 60)
        {
            problems.Add($"{SectionName}:ApologyNewDateWorkingDays must be 1 to 60 (is {ApologyNewDateWorkingDays}).");
        }

        if (StaffDigestDelay < TimeSpan.FromSeconds(1) || StaffDigestDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:StaffDigestDelay must be between 00:00:01 and 00:10:00 (is {StaffDigestDelay}).");
        }

        if (SafetyNetDelay < TimeSpan.FromSeconds(1) || SafetyNetDelay > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:SafetyNetDelay must be between 00:00:01 and 01:00:00 (is {SafetyNetDelay}).");
        }

        return problems;
    }
}
