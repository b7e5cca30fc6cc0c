using Petitions.Core.Calendar;

namespace Petitions.Core.LegalClock;

/// <summary>What to compute a deadline for.</summary>
/// <param name="Kind">complaint, denunciation, petition or letter.</param>
/// <param name="Step">The step (accept, resolve, resolve-second, preliminary, process…).</param>
/// <param name="Trigger">The triggering event's legal date; counting starts the next day.</param>
/// <param name="Complex">The case is complex (vụ việc phức tạp).</param>
/// <param name="Remote">The unit is in a remote area (vùng sâu, vùng xa, đi lại khó khăn).</param>
/// <param name="Extensions">Extensions granted (denunciations: 1, or 2 when especially complex).</param>
/// <param name="Suspensions">Periods the step was suspended.</param>
public sealed record DeadlineRequest(
    string Kind,
    string Step,
    DateOnly Trigger,
    bool Complex = false,
    bool Remote = false,
    int Extensions = 0,
    IReadOnlyList<SuspendedInterval>? Suspensions = null);

/// <summary>Settings of the legal clock a unit may change.</summary>
/// <param name="PetitionReplyWorkingDays">The unit's own limit for replying to a petition (default: the data's 10 working days).</param>
public sealed record LegalClockSettings(int? PetitionReplyWorkingDays = null)
{
    /// <summary>The configuration section these settings bind from.</summary>
    public const string SectionName = "LegalClock";
}

/// <summary>
/// Computes legal deadlines: counting starts the day after the trigger; calendar-day limits whose last day is a
/// rest day or holiday move to the next working day (Bộ luật Dân sự 2015 Arts. 147–148); working-day limits count
/// only working days; suspended days do not count where a suspension rule is in force (Luật 136/2025/QH15).
/// </summary>
public sealed class DeadlineCalculator
{
    /// <summary>Guard against calendar data without working days (the count would otherwise never end).</summary>
    private const int MaxScanDays = 3660;

    private readonly IWorkingCalendar _calendar;
    private readonly LegalClockSettings _settings;

    /// <summary>Creates the calculator over a limits table and a working calendar.</summary>
    public DeadlineCalculator(LegalLimits limits, IWorkingCalendar calendar, LegalClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(calendar);
        settings ??= new LegalClockSettings();
        if (settings.PetitionReplyWorkingDays is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.PetitionReplyWorkingDays, "The petition reply limit must be a positive number of working days.");
        }

        Limits = limits;
        _calendar = calendar;
        _settings = settings;
    }

    /// <summary>The limits table.</summary>
    public LegalLimits Limits { get; }

    /// <summary>The working calendar.</summary>
    public IWorkingCalendar Calendar => _calendar;

    /// <summary>
    /// The limit that applies to a request (rule in force on the trigger date, variants, extensions, unit override).
    /// Throws <see cref="UnknownLegalLimitException"/> or <see cref="VariantNotApplicableException"/>.
    /// </summary>
    public AppliedLimit LimitFor(DeadlineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rule = Limits.Get(request.Kind, request.Step, request.Trigger);
        if (rule.ConfigurablePerUnit && _settings.PetitionReplyWorkingDays is { } own && own != rule.Limit)
        {
            rule = rule with { Limit = own, Source = $"{rule.Source}; the unit's own limit: {own}" };
        }

        return rule.Apply(request.Complex, request.Remote, request.Extensions);
    }

    /// <summary>Computes the deadline for a request, with its explanation.</summary>
    public Deadline Compute(DeadlineRequest request)
    {
        var applied = LimitFor(request);
        return Compute(applied, request.Trigger, request.Suspensions ?? []);
    }

    /// <summary>Computes the deadline for an applied limit from a trigger date, skipping suspended days where the law excludes them.</summary>
    public Deadline Compute(AppliedLimit applied, DateOnly trigger, IReadOnlyList<SuspendedInterval> suspensions)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(suspensions);
        var rule = applied.Rule;
        var skipped = new List<SkippedDay>();
        var date = trigger;
        var counted = 0;
        var scanned = 0;
        while (counted < applied.Limit)
        {
            date = date.AddDays(1);
            Guard(++scanned, trigger);
            var day = _calendar.Describe(date);
            if (rule.Unit == ClockUnit.WorkingDays && DeadlineExplanation.ReasonOf(day) is { } reason)
            {
                skipped.Add(new SkippedDay(date, reason, day.Name, day.Source, RollForward: false));
                continue;
            }

            if (SuspensionPausing(rule.Kind, rule.Step, date, suspensions) is { } pause)
            {
                skipped.Add(new SkippedDay(date, pause.Obstacle ? SkipReason.Obstacle : SkipReason.Suspended, null, pause.Source, RollForward: false));
                continue;
            }

            counted++;
        }

        var lastCounted = date;
        while (DeadlineExplanation.ReasonOf(_calendar.Describe(date)) is { } reason)
        {
            var day = _calendar.Describe(date);
            skipped.Add(new SkippedDay(date, reason, day.Name, day.Source, RollForward: true));
            date = date.AddDays(1);
            Guard(++scanned, trigger);
        }

        var explanation = new DeadlineExplanation(
            rule.Kind, rule.Step, rule.Description, rule.Source, trigger, rule.Unit, rule.Limit, applied.Limit,
            applied.Adjustments, lastCounted, skipped, date) { Variants = applied.Variants };
        return new Deadline(date, applied.Limit, rule.Unit, rule.Source, explanation);
    }

    private static void Guard(int scanned, DateOnly trigger)
    {
        if (scanned > MaxScanDays)
        {
            throw new InvalidOperationException($"The calendar has no working day within {MaxScanDays} days of {trigger:yyyy-MM-dd}.");
        }
    }

    private SuspensionRule? SuspensionPausing(string kind, string step, DateOnly date, IReadOnlyList<SuspendedInterval> suspensions)
    {
        foreach (var interval in suspensions)
        {
            if (interval.Covers(date))
            {
                return Limits.SuspensionRuleOn(kind, step, date);
            }
        }

        return null;
    }
}
