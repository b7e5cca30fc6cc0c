using Petitions.Core.Reception;
using static Petitions.Core.Tests.Reception.Schedules;

namespace Petitions.Core.Tests.Reception;

public sealed class RecurrenceTests
{
    [Fact]
    public void Every_Thursday_gives_each_Thursday_of_the_range()
    {
        var dates = Recurrence.Parse("FREQ=WEEKLY;BYDAY=TH").DatesBetween(D(2026, 5, 1), D(2026, 5, 31));

        Assert.Equal([D(2026, 5, 7), D(2026, 5, 14), D(2026, 5, 21), D(2026, 5, 28)], dates);
    }

    [Fact]
    public void Weekly_on_several_days_gives_them_in_date_order()
    {
        var dates = Recurrence.Parse("FREQ=WEEKLY;BYDAY=TH,MO").DatesBetween(D(2026, 6, 1), D(2026, 6, 7));

        Assert.Equal([D(2026, 6, 1), D(2026, 6, 4)], dates);
    }

    [Fact]
    public void The_second_and_fourth_Tuesday_of_June_2026_are_the_9th_and_23rd()
    {
        var dates = Recurrence.Parse("FREQ=MONTHLY;BYDAY=2TU,4TU").DatesBetween(D(2026, 6, 1), D(2026, 6, 30));

        Assert.Equal([D(2026, 6, 9), D(2026, 6, 23)], dates);
    }

    [Fact]
    public void The_last_Friday_is_found_in_months_with_four_and_five_Fridays()
    {
        var rule = Recurrence.Parse("FREQ=MONTHLY;BYDAY=-1FR");

        Assert.Equal([D(2026, 1, 30), D(2026, 2, 27)], rule.DatesBetween(D(2026, 1, 1), D(2026, 2, 28)));
        Assert.Equal([D(2026, 5, 29)], rule.DatesBetween(D(2026, 5, 1), D(2026, 5, 31)));
    }

    [Fact]
    public void A_month_day_past_the_end_of_a_short_month_falls_on_its_last_day()
    {
        var dates = Recurrence.Parse("FREQ=MONTHLY;BYMONTHDAY=31").DatesBetween(D(2026, 2, 1), D(2026, 4, 30));

        Assert.Equal([D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)], dates);
    }

    [Theory]
    [InlineData("freq=weekly;byday=th", "FREQ=WEEKLY;BYDAY=TH")]
    [InlineData("FREQ=WEEKLY;BYDAY=TH,MO", "FREQ=WEEKLY;BYDAY=MO,TH")]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU,4TU", "FREQ=MONTHLY;BYDAY=2TU,4TU")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-1FR")]
    [InlineData("BYMONTHDAY=15;FREQ=MONTHLY", "FREQ=MONTHLY;BYMONTHDAY=15")]
    public void The_compact_form_round_trips_in_canonical_order(string typed, string canonical)
    {
        var rule = Recurrence.Parse(typed);

        Assert.Equal(canonical, rule.Rule);
        Assert.Equal(rule, Recurrence.Parse(rule.Rule));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("FREQ=DAILY", "not supported")]
    [InlineData("FREQ=WEEKLY", "needs BYDAY")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "not a weekday")]
    [InlineData("FREQ=MONTHLY;BYDAY=5TU", "ordinal 1–4 or -1")]
    [InlineData("FREQ=MONTHLY;BYDAY=2TU;BYMONTHDAY=3", "exactly one of")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=32", "1–31")]
    [InlineData("FREQ=WEEKLY;BYDAY=TH;INTERVAL=2", "unsupported part")]
    [InlineData("BYDAY=TH", "FREQ is missing")]
    public void A_bad_recurrence_is_refused_with_a_reason(string rule, string reason)
    {
        var ex = Assert.Throws<RecurrenceFormatException>(() => Recurrence.Parse(rule));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
