using FsCheck;
using FsCheck.Fluent;
using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;
using static Petitions.Core.Tests.LegalClock.LegalClockFixture;

namespace Petitions.Core.Tests.LegalClock;

/// <summary>Properties of the legal clock over many start dates (2025–2027, the test calendar's years with Tết).</summary>
public sealed class DeadlinePropertyTests
{
    private static readonly DateOnly First = new(2025, 1, 1);

    private static readonly (string Kind, string Step, bool Complex, bool Remote, int Extensions)[] Variants =
    [
        .. Limits.Limits.SelectMany(l => new[]
        {
            (l.Kind, l.Step, false, false, 0),
            (l.Kind, l.Step, l.HasComplexVariant, false, 0),
            (l.Kind, l.Step, false, l.HasRemoteVariant, 0),
            (l.Kind, l.Step, l.Variants?.RemoteComplex is not null, l.Variants?.RemoteComplex is not null, 0),
            (l.Kind, l.Step, false, false, l.Extensions?.MaxTimesEspeciallyComplex ?? 0),
        }).Distinct(),
    ];

    private static Arbitrary<DateOnly> Dates(int from, int days) =>
        Gen.Choose(from, from + days).Select(First.AddDays).ToArbitrary();

    private static Deadline Compute((string Kind, string Step, bool Complex, bool Remote, int Extensions) v, DateOnly trigger, IReadOnlyList<SuspendedInterval>? suspensions = null) =>
        Calculator().Compute(new DeadlineRequest(v.Kind, v.Step, trigger, v.Complex, v.Remote, v.Extensions, suspensions));

    [Fact] // Bộ luật Dân sự 2015, Điều 148
    public void A_deadline_never_lands_on_a_rest_day() =>
        Prop.ForAll(
                Dates(0, 3 * 365),
                Gen.Elements(Variants).ToArbitrary(),
                (trigger, variant) => WorkingCalendar.Describe(Compute(variant, trigger).Due).IsWorkingDay)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Forward_n_working_days_then_counting_back_gives_n() =>
        Prop.ForAll(
                Dates(0, 3 * 365),
                Gen.Choose(0, 120).ToArbitrary(),
                (from, n) =>
                {
                    var to = WorkingCalendar.AddWorkingDays(from, n);
                    return WorkingCalendar.CountWorkingDays(from, to) == n
                        && (n == 0 || WorkingCalendar.Describe(to).IsWorkingDay)
                        && WorkingCalendar.AddWorkingDays(to, -n) <= from;
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Due_dates_never_decrease_as_the_start_date_increases() =>
        Prop.ForAll(
                Dates(0, 3 * 365),
                Gen.Choose(0, 40).ToArbitrary(),
                Gen.Elements(Variants).ToArbitrary(),
                (start, later, variant) => Compute(variant, start).Due <= Compute(variant, start.AddDays(later)).Due)
            .QuickCheckThrowOnFailure();

    [Fact] // Luật 136/2025/QH15 (complaints) and Luật Tố cáo 2018, Điều 34 khoản 2 (denunciations): time suspended does not count
    public void Suspension_shifts_the_due_date_by_exactly_the_days_suspended() =>
        Prop.ForAll(
                Dates(547, 365), // from 2026-07-01, when both rules are in force
                Gen.Choose(1, 60).SelectMany(offset => Gen.Choose(0, 40).Select(length => (offset, length))).ToArbitrary(),
                Gen.Elements(Variants.Where(v => Limits.SuspensionRuleOn(v.Kind, new DateOnly(2026, 7, 1)) is not null).ToArray()).ToArbitrary(),
                (trigger, suspension, variant) =>
                {
                    var (offset, length) = suspension;
                    var plain = Compute(variant, trigger);
                    var suspendedOn = trigger.AddDays(Math.Min(offset, plain.Explanation.LastCountedDay.DayNumber - trigger.DayNumber));
                    var interval = new SuspendedInterval(suspendedOn, suspendedOn.AddDays(length));
                    var suspended = Compute(variant, trigger, [interval]);
                    if (plain.Unit == ClockUnit.CalendarDays)
                    {
                        return suspended.Explanation.LastCountedDay == plain.Explanation.LastCountedDay.AddDays(length);
                    }

                    var workingDaysSuspended = WorkingCalendar.CountWorkingDays(suspendedOn.AddDays(-1), suspendedOn.AddDays(length - 1));
                    return WorkingCalendar.CountWorkingDays(plain.Due, suspended.Due) == workingDaysSuspended;
                })
            .QuickCheckThrowOnFailure();
}
