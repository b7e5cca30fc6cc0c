using Petitions.Core.Calendar;
using Petitions.Core.Cases;
using Petitions.Core.LegalClock;

namespace Petitions.Core.Escalation;

/// <summary>A running clock the ladder watches.</summary>
public sealed record WatchedClock(string CaseId, string Kind, string Step, DateOnly Due)
{
    /// <summary>The running clocks of a case (paused and stopped clocks do not escalate).</summary>
    public static IEnumerable<WatchedClock> Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return @case.RunningClocks.Select(c => new WatchedClock(@case.Id, c.Kind, c.Step, c.Due));
    }
}

/// <summary>A rung that is due now for one clock.</summary>
/// <param name="Clock">The clock.</param>
/// <param name="Rung">The rung.</param>
/// <param name="FiresOn">The legal date the rung became due (due date minus its lead in working days).</param>
/// <param name="Key">Stable key (case, kind, step, rung, due date) to record "fired" idempotently.</param>
public sealed record DueRung(WatchedClock Clock, EscalationRung Rung, DateOnly FiresOn, string Key);

/// <summary>
/// Decides which rungs of the ladder are due: each rung fires once per clock and due date, on or after the working
/// day <c>lead</c> working days before the due date. Missed sweeps catch up (every missed rung once, in order);
/// repeated calls with the fired set return nothing new.
/// </summary>
public sealed class EscalationPolicy(EscalationLadder ladder, IWorkingCalendar calendar)
{
    private readonly EscalationLadder _ladder = ladder ?? throw new ArgumentNullException(nameof(ladder));
    private readonly IWorkingCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>The longest lead time, in working days.</summary>
    public int LongestLeadWorkingDays => _ladder.LongestLeadWorkingDays;

    /// <summary>The stable key of a rung for a clock: caseId|kind|step|rung|yyyyMMdd (no / \ # ?).</summary>
    public static string KeyOf(WatchedClock clock, EscalationRung rung)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(rung);
        return $"{clock.CaseId}|{clock.Kind}|{clock.Step}|{rung.Rung}|{clock.Due:yyyyMMdd}";
    }

    /// <summary>
    /// The last due date the sweep must read on <paramref name="today"/>: clocks due after it have no rung due yet.
    /// </summary>
    public DateOnly ReadDueDatesThrough(DateOnly today) =>
        _calendar.AddWorkingDays(today, LongestLeadWorkingDays);

    /// <summary>The fire date of the clock's earliest rung not in <paramref name="fired"/>, or null when all have fired.</summary>
    public DateOnly? NextRungOn(WatchedClock clock, IReadOnlySet<string> fired)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(fired);
        DateOnly? next = null;
        foreach (var rung in _ladder.RungsFor(clock.Kind, clock.Step))
        {
            var firesOn = _calendar.AddWorkingDays(clock.Due, -rung.LeadWorkingDays);
            if (!fired.Contains(KeyOf(clock, rung)) && (next is null || firesOn < next))
            {
                next = firesOn;
            }
        }

        return next;
    }

    /// <summary>The rungs due at <paramref name="now"/> that are not in <paramref name="fired"/>, earliest first.</summary>
    public IReadOnlyList<DueRung> DueRungs(IEnumerable<WatchedClock> clocks, IReadOnlySet<string> fired, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        ArgumentNullException.ThrowIfNull(fired);
        var today = VietnamDate.Of(now);
        var due = new List<(DueRung Rung, int Order)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clock in clocks)
        {
            var rungs = _ladder.RungsFor(clock.Kind, clock.Step);
            for (var i = 0; i < rungs.Count; i++)
            {
                var rung = rungs[i];
                var firesOn = _calendar.AddWorkingDays(clock.Due, -rung.LeadWorkingDays);
                var key = KeyOf(clock, rung);
                if (firesOn <= today && !fired.Contains(key) && seen.Add(key))
                {
                    due.Add((new DueRung(clock, rung, firesOn, key), i));
                }
            }
        }

        return [.. due
            .OrderBy(d => d.Rung.FiresOn)
            .ThenBy(d => d.Rung.Clock.CaseId, StringComparer.Ordinal)
            .ThenBy(d => d.Rung.Clock.Step, StringComparer.Ordinal)
            .ThenBy(d => d.Order)
            .Select(d => d.Rung)];
    }
}
