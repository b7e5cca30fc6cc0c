using System.Text.RegularExpressions;
using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;
using Petitions.Core.Reception;

namespace Petitions.Core.Tests.LegalClock;

/// <summary>Issue 16: the legal clock checked against the texts.</summary>
public sealed partial class Issue16CorrectionsTests
{
    private static readonly LegalLimits Limits = LegalLimits.LoadEmbedded();
    private static readonly DeadlineCalculator Calculator = new(Limits, VietnamWorkingCalendar.Default);

    private static Deadline Compute(string kind, string step, DateOnly trigger, bool remote = false, IReadOnlyList<SuspendedInterval>? suspensions = null) =>
        Calculator.Compute(new DeadlineRequest(kind, step, trigger, Remote: remote, Suspensions: suspensions ?? []));

    [Fact] // Luật Tố cáo 2018, Điều 34 khoản 2 (in force 2019-01-01)
    public void Denunciation_suspension_is_not_counted_since_2019()
    {
        var trigger = new DateOnly(2025, 3, 3);
        var plain = Compute("denunciation", "resolve", trigger);
        var suspended = Compute("denunciation", "resolve", trigger, suspensions: [new SuspendedInterval(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 20))]);
        Assert.Equal(plain.Explanation.LastCountedDay.AddDays(10), suspended.Explanation.LastCountedDay);
        Assert.All(
            suspended.Explanation.SkippedDays.Where(d => d.Reason == SkipReason.Suspended),
            d => Assert.Equal("Luật Tố cáo 2018 (25/2018/QH14), Điều 34 khoản 2", d.Source));
    }

    [Fact] // No text pauses a petition's clock: suspended days still count
    public void Petition_suspension_is_counted_for_want_of_a_legal_basis()
    {
        var trigger = new DateOnly(2026, 7, 6);
        var plain = Compute("petition", "process", trigger);
        var suspended = Compute("petition", "process", trigger, suspensions: [new SuspendedInterval(new DateOnly(2026, 7, 8), new DateOnly(2026, 7, 15))]);
        Assert.Equal(plain.Due, suspended.Due);
    }

    [Fact] // Luật Khiếu nại 2011: suspension of complaints only from Luật 136/2025/QH15 (2026-07-01)
    public void Complaint_suspension_before_July_2026_still_counts_while_a_denunciation_in_the_same_days_pauses()
    {
        var interval = new SuspendedInterval(new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 21));
        var trigger = new DateOnly(2026, 5, 4);
        Assert.Equal(Compute("complaint", "resolve", trigger).Due, Compute("complaint", "resolve", trigger, suspensions: [interval]).Due);
        Assert.True(Compute("denunciation", "resolve", trigger, suspensions: [interval]).Due > Compute("denunciation", "resolve", trigger).Due);
    }

    [Theory] // Luật Tiếp công dân 2013 (crowded complaints): 5–10 people → 1 or 2; more than 10 → up to 5
    [InlineData(5, 2)]
    [InlineData(9, 2)]
    [InlineData(10, 2)]
    [InlineData(11, 5)]
    [InlineData(40, 5)]
    public void Crowded_complaint_of_ten_people_sends_two_representatives_and_above_ten_up_to_five(int people, int allowed) =>
        Assert.Equal(allowed, CrowdedComplaint.RepresentativesAllowed(people));

    [Fact] // Luật Tố cáo 2018, Điều 34 khoản 4: 05 ngày làm việc; from Fri 21/8/2026 the make-up Saturday 22/8 (9441/TB-BNV) counts
    public void Denunciation_suspension_decision_is_sent_within_5_working_days()
    {
        var deadline = Compute("denunciation", "send-suspension", new DateOnly(2026, 8, 21));
        Assert.Equal(5, deadline.Limit);
        Assert.Equal(ClockUnit.WorkingDays, deadline.Unit);
        Assert.Equal(new DateOnly(2026, 8, 27), deadline.Due);
    }

    [Fact] // Luật Khiếu nại 2011, Điều 32: 3 working days; across Tết 2026 (off 14–22 Feb)
    public void First_instance_complaint_decision_is_sent_within_3_working_days_across_Tet_2026() =>
        Assert.Equal(new DateOnly(2026, 2, 24), Compute("complaint", "send-decision", new DateOnly(2026, 2, 12)).Due);

    [Fact] // Luật Khiếu nại 2011, Điều 41: 7 days
    public void Second_instance_complaint_decision_is_sent_within_7_days() =>
        Assert.Equal(new DateOnly(2026, 3, 9), Compute("complaint", "send-decision-second", new DateOnly(2026, 3, 2)).Due);

    [Fact] // Luật Khiếu nại 2011, Điều 44: 30 days, 45 in remote areas
    public void First_instance_decision_takes_effect_after_30_days_or_45_in_remote_areas()
    {
        Assert.Equal(30, Compute("complaint", "decision-effective", new DateOnly(2026, 3, 2)).Limit);
        Assert.Equal(45, Compute("complaint", "decision-effective", new DateOnly(2026, 3, 2), remote: true).Limit);
    }

    [Fact] // Luật Tiếp công dân 2013, Điều 28 khoản 1: 10 working days; 2 Jan 2026 swapped off, Saturday 10 Jan worked
    public void Letter_received_at_a_reception_session_is_answered_within_10_working_days_across_the_new_year_swap()
    {
        var deadline = Compute("letter", "reception-answer", new DateOnly(2025, 12, 31));
        Assert.Equal(10, deadline.Limit);
        Assert.Contains(deadline.Explanation.SkippedDays, d => d.Date == new DateOnly(2026, 1, 2));
        Assert.Equal(new DateOnly(2026, 1, 15), deadline.Due);
    }

    [Fact] // Issue 16, correction 1: every schedule link is an official site or a major national newspaper, or none
    public void Every_schedule_source_link_is_official_or_a_national_newspaper_or_absent()
    {
        foreach (var source in OfficialYearSchedule.Embedded.SelectMany(s => s.Sources))
        {
            if (source.Url is { } url)
            {
                Assert.Matches(AllowedHosts(), new Uri(url).Host);
            }
            else
            {
                Assert.Contains("Unverified", source.Note ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex(@"(\.gov\.vn|chinhphu\.vn|thuvienphapluat\.vn|vnexpress\.net|tuoitre\.vn|thanhnien\.vn|vietnamplus\.vn|nhandan\.vn|baochinhphu\.vn|vnanet\.vn)$")]
    private static partial Regex AllowedHosts();
}
