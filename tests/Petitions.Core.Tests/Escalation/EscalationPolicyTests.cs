using Petitions.Core.Escalation;
using Petitions.Core.Tests.LegalClock;

namespace Petitions.Core.Tests.Escalation;

/// <summary>The ladder of design.md §5: each rung once, catch-up after missed sweeps, idempotent repeats.</summary>
public sealed class EscalationPolicyTests
{
    private static readonly FixedTestCalendar Calendar = new();
    private static readonly EscalationPolicy Policy = new(EscalationLadder.LoadEmbedded(), Calendar);

    // Friday 20 March 2026: T−5 = Fri 13, T−3 = Tue 17, T−1 = Thu 19, T = Fri 20.
    private static readonly WatchedClock Clock = new("C-0001", "complaint", "resolve", new DateOnly(2026, 3, 20));

    private static DateTimeOffset Morning(DateOnly date) => new(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));

    [Fact]
    public void Each_rung_fires_once_on_its_working_day_when_swept_daily()
    {
        var fired = new HashSet<string>();
        var log = new List<(DateOnly Day, string Rung)>();
        for (var day = new DateOnly(2026, 3, 1); day <= new DateOnly(2026, 3, 31); day = day.AddDays(1))
        {
            foreach (var rung in Policy.DueRungs([Clock], fired, Morning(day)))
            {
                Assert.True(fired.Add(rung.Key));
                log.Add((day, rung.Rung.Rung));
            }
        }

        Assert.Equal(
            [
                (new DateOnly(2026, 3, 13), "reminder"), (new DateOnly(2026, 3, 17), "unit-head"),
                (new DateOnly(2026, 3, 19), "supervisor"), (new DateOnly(2026, 3, 20), "overdue"),
            ],
            log);
    }

    [Fact]
    public void Catch_up_after_a_month_of_missed_sweeps_fires_every_missed_rung_once_in_order()
    {
        var due = Policy.DueRungs([Clock], new HashSet<string>(), Morning(new DateOnly(2026, 4, 20)));
        Assert.Equal(["reminder", "unit-head", "supervisor", "overdue"], due.Select(r => r.Rung.Rung));
        Assert.Equal(due.Select(r => r.FiresOn).Order(), due.Select(r => r.FiresOn));
    }

    [Fact]
    public void Repeat_calls_with_the_fired_set_are_idempotent()
    {
        var now = Morning(new DateOnly(2026, 3, 18));
        var first = Policy.DueRungs([Clock, Clock], new HashSet<string>(), now);
        Assert.Equal(2, first.Count);
        var fired = first.Select(r => r.Key).ToHashSet();
        Assert.Empty(Policy.DueRungs([Clock], fired, now));
        Assert.Equal(first, Policy.DueRungs([Clock], new HashSet<string>(), now));
    }

    [Fact]
    public void Lead_times_count_working_days_across_Tet()
    {
        var clock = Clock with { Due = new DateOnly(2026, 2, 24) };
        var reminder = Policy.DueRungs([clock], new HashSet<string>(), Morning(new DateOnly(2026, 2, 24)))[0];
        Assert.Equal(new DateOnly(2026, 2, 10), reminder.FiresOn);
    }

    [Fact]
    public void Now_is_read_as_a_Vietnamese_date()
    {
        // 23:30 UTC on 12 March is 06:30 on 13 March in Vietnam: the T−5 reminder is due.
        var now = new DateTimeOffset(2026, 3, 12, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal("reminder", Assert.Single(Policy.DueRungs([Clock], new HashSet<string>(), now)).Rung.Rung);
    }

    [Fact]
    public void The_key_is_stable_and_safe_as_a_table_key()
    {
        var rung = Policy.DueRungs([Clock], new HashSet<string>(), Morning(new DateOnly(2026, 3, 13))).Single();
        Assert.Equal("C-0001|complaint|resolve|reminder|20260320", rung.Key);
        Assert.DoesNotContain(rung.Key, c => c is '/' or '\\' or '#' or '?');
    }

    [Fact]
    public void A_moved_due_date_gives_new_rungs()
    {
        var fired = Policy.DueRungs([Clock], new HashSet<string>(), Morning(new DateOnly(2026, 3, 20))).Select(r => r.Key).ToHashSet();
        var extended = Clock with { Due = new DateOnly(2026, 4, 20) };
        Assert.Empty(Policy.DueRungs([extended], fired, Morning(new DateOnly(2026, 3, 20))));
        Assert.Single(Policy.DueRungs([extended], fired, Morning(new DateOnly(2026, 4, 13))));
    }

    [Fact]
    public void Denunciation_preliminary_handling_has_its_own_shorter_ladder()
    {
        var clock = new WatchedClock("D-1", "denunciation", "preliminary", new DateOnly(2026, 3, 11));
        var due = Policy.DueRungs([clock], new HashSet<string>(), Morning(new DateOnly(2026, 3, 6)));
        Assert.Equal("reminder", Assert.Single(due).Rung.Rung);
    }

    [Fact]
    public void The_sweep_reads_due_dates_as_far_ahead_as_the_longest_lead()
    {
        Assert.Equal(5, Policy.LongestLeadWorkingDays);
        Assert.Equal(new DateOnly(2026, 3, 20), Policy.ReadDueDatesThrough(new DateOnly(2026, 3, 13)));
    }

    [Fact]
    public void Lead_times_are_configurable_and_validated()
    {
        var ladder = EscalationLadder.Parse("""{"default":[{"rung":"reminder","leadWorkingDays":10,"notify":["handlingOfficer"],"description":"r"}]}""");
        Assert.Equal(10, ladder.LongestLeadWorkingDays);
        Assert.Throws<Petitions.Core.LegalClock.LegalLimitsDataException>(() =>
            EscalationLadder.Parse("""{"default":[{"rung":"reminder","leadWorkingDays":-1,"notify":[],"description":"r"}]}"""));
    }
}
