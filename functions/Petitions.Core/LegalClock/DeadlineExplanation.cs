using System.Globalization;
using Petitions.Core.Calendar;

namespace Petitions.Core.LegalClock;

/// <summary>Why a day did not count, or was stepped over to reach a working day.</summary>
public enum SkipReason
{
    /// <summary>Saturday or Sunday.</summary>
    Weekend,

    /// <summary>A public holiday.</summary>
    Holiday,

    /// <summary>A compensatory day off for a holiday on a rest day.</summary>
    CompensatoryDay,

    /// <summary>A day off by the government's published schedule (swapped day).</summary>
    OfficialDayOff,

    /// <summary>The step was suspended that day and the law then in force excludes suspended time.</summary>
    Suspended,

    /// <summary>
    /// An objective obstacle recorded by the staff (illness, natural disaster, enemy action, work or study far away…)
    /// kept the citizen from filing that day: not counted in the filing limit (Luật Khiếu nại 2011, Điều 9).
    /// </summary>
    Obstacle,
}

/// <summary>One day that was skipped while counting, or stepped over by the final roll-forward.</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it did not count.</param>
/// <param name="Name">The holiday's name, when it has one.</param>
/// <param name="Source">The legal source of the reason.</param>
/// <param name="RollForward">True when the day was stepped over because the last day fell on it (calendar-day limits).</param>
public sealed record SkippedDay(DateOnly Date, SkipReason Reason, string? Name, string? Source, bool RollForward);

/// <summary>A deadline that explains itself: the trigger, the rule and its source, every skipped day and why.</summary>
/// <param name="Kind">The kind of letter.</param>
/// <param name="Step">The step.</param>
/// <param name="Rule">What must be done.</param>
/// <param name="Source">The article that sets the limit.</param>
/// <param name="Trigger">The triggering event's date; counting starts the day after.</param>
/// <param name="Unit">Calendar or working days.</param>
/// <param name="BaseLimit">The ordinary limit of the rule.</param>
/// <param name="Limit">The limit applied after variants and extensions.</param>
/// <param name="Adjustments">Each variant or extension applied.</param>
/// <param name="LastCountedDay">The day on which the count reached the limit.</param>
/// <param name="SkippedDays">Every day skipped while counting and every day stepped over by the roll-forward.</param>
/// <param name="Due">The last day on which the step is on time.</param>
public sealed record DeadlineExplanation(
    string Kind,
    string Step,
    string Rule,
    string Source,
    DateOnly Trigger,
    ClockUnit Unit,
    int BaseLimit,
    int Limit,
    IReadOnlyList<string> Adjustments,
    DateOnly LastCountedDay,
    IReadOnlyList<SkippedDay> SkippedDays,
    DateOnly Due)
{
    /// <summary>The adjustments as data (the same as <see cref="Adjustments"/>).</summary>
    public IReadOnlyList<LimitAdjustment> Variants { get; init; } = [];

    /// <summary>The count start (the day after the trigger).</summary>
    public DateOnly CountingStarts => Trigger.AddDays(1);

    /// <summary>True when the last counted day was a rest day and the deadline moved to the next working day.</summary>
    public bool RolledForward => Due != LastCountedDay;

    /// <summary>The explanation as English sentences, one per line, for people and API clients.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var unit = Unit == ClockUnit.CalendarDays ? "days" : "working days";
        var lines = new List<string>
        {
            $"Rule: {Rule} ({Kind}/{Step}) within {BaseLimit} {unit} — {Source}.",
        };
        lines.AddRange(Adjustments.Select(a => "Variant: " + a + "."));
        lines.Add($"Trigger: {Format(Trigger)}; counting starts the next day, {Format(CountingStarts)}.");
        foreach (var day in SkippedDays.Where(d => !d.RollForward))
        {
            lines.Add($"Not counted: {Format(day.Date)} — {Describe(day)}.");
        }

        lines.Add($"Day {Limit} of {Limit} {unit}: {Format(LastCountedDay)}.");
        foreach (var day in SkippedDays.Where(d => d.RollForward))
        {
            lines.Add($"Last day falls on a rest day, moved past {Format(day.Date)} — {Describe(day)} (Bộ luật Dân sự 2015, Điều 148).");
        }

        lines.Add($"Due: {Format(Due)}.");
        return lines;
    }

    /// <summary>Maps a calendar day to the reason it is skipped, or null for a working day.</summary>
    internal static SkipReason? ReasonOf(DayInfo day) => day.IsWorkingDay
        ? null
        : day.Kind switch
        {
            DayKind.Holiday => SkipReason.Holiday,
            DayKind.CompensatoryDay => SkipReason.CompensatoryDay,
            DayKind.OfficialDayOff => SkipReason.OfficialDayOff,
            _ => SkipReason.Weekend,
        };

    private static string Format(DateOnly date) =>
        date.ToString("yyyy-MM-dd (dddd)", CultureInfo.InvariantCulture);

    private static string Describe(SkippedDay day)
    {
        var reason = day.Reason switch
        {
            SkipReason.Weekend => "weekend",
            SkipReason.Holiday => "holiday",
            SkipReason.CompensatoryDay => "compensatory day off",
            SkipReason.OfficialDayOff => "official day off (swapped day)",
            SkipReason.Obstacle => "objective obstacle recorded (trở ngại khách quan), not counted in the filing limit",
            _ => "suspended (tạm đình chỉ)",
        };
        var name = day.Name is null ? string.Empty : $": {day.Name}";
        var source = day.Source is null ? string.Empty : $" [{day.Source}]";
        return reason + name + source;
    }
}
