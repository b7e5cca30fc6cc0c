using Petitions.Core.Notifications;

namespace Petitions.Core.Tests.Notifications;

/// <summary>Issue 21: staff messages are unaccented, one GSM-7 segment, with the code, what is asked, the due date and the short link.</summary>
public sealed class StaffNoticesTests
{
    // 29 characters: the longest origin the staff links allow (/s/ + origin ≤ the catalogue's 32).
    private const string LongestOrigin = "https://pakn.tinh-qn.gov.vn.x";
    private const string LongestCode = "HS-ABCD-EFGH";

    private static readonly DateOnly Due = new(2027, 3, 18);

    public static TheoryData<string> Rungs() =>
        ["reminder", "unit-head", "supervisor", "overdue", "promise-head", "promise-supervisor", "promise-broken", "propose-close", "some-new-rung"];

    [Theory]
    [MemberData(nameof(Rungs))]
    public void Every_rung_fits_one_GSM7_segment_with_the_code_the_due_date_and_the_case_link(string rung)
    {
        var notices = new StaffNotices(LongestOrigin);
        foreach (var seen in new bool?[] { null, true, false })
        {
            var message = notices.ForOne(new StaffNoticeFacts(LongestCode, rung, Due, seen, 12));

            Assert.Equal(1, SmsSegments.Count(message.Text).Segments);
            Assert.Equal(SmsText.ToGsm7(message.Text), message.Text);
            Assert.Contains(LongestCode, message.Text, StringComparison.Ordinal);
            Assert.Contains("18/03/2027", message.Text, StringComparison.Ordinal);
            Assert.EndsWith($"{LongestOrigin}/s/{LongestCode}", message.Text, StringComparison.Ordinal);
            Assert.Equal(NotificationEvent.StaffNotice, message.Event);
            Assert.Equal("staff-" + rung, message.TemplateKey);
        }
    }

    [Fact]
    public void The_supervisor_is_told_whether_the_head_had_seen_the_earlier_escalation()
    {
        var notices = new StaffNotices("https://pakn.example.vn");

        Assert.Contains("(LD don vi chua xem)", notices.ForOne(new StaffNoticeFacts("HS-1", "supervisor", Due, HeadSeen: false)).Text, StringComparison.Ordinal);
        Assert.Contains("(LD don vi da xem)", notices.ForOne(new StaffNoticeFacts("HS-1", "supervisor", Due, HeadSeen: true)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overdue", NotificationUrgency.Urgent)]
    [InlineData("supervisor", NotificationUrgency.Urgent)]
    [InlineData("promise-supervisor", NotificationUrgency.Urgent)]
    [InlineData("promise-broken", NotificationUrgency.Urgent)]
    [InlineData("reminder", NotificationUrgency.NonUrgent)]
    [InlineData("unit-head", NotificationUrgency.NonUrgent)]
    [InlineData("promise-head", NotificationUrgency.NonUrgent)]
    public void Overdue_and_the_supervisors_last_working_day_are_urgent_the_rest_waits_for_the_morning(string rung, NotificationUrgency urgency) =>
        Assert.Equal(urgency, new StaffNotices("https://pakn.example.vn").ForOne(new StaffNoticeFacts("HS-1", rung, Due)).Urgency);

    [Fact]
    public void Several_items_of_a_sweep_are_one_digest_with_the_counts_and_the_inbox_link()
    {
        var notices = new StaffNotices("https://pakn.example.vn/");
        var today = new DateOnly(2027, 3, 18);
        StaffNoticeFacts[] items =
        [
            new("HS-1", "reminder", today.AddDays(7)), new("HS-2", "unit-head", today.AddDays(3)), new("HS-3", "reminder", today.AddDays(5)),
            new("HS-4", "overdue", today.AddDays(-2)), new("HS-5", "promise-broken", today.AddDays(-1)),
        ];

        var digest = notices.Digest(items, today);

        Assert.Equal("5 ho so can xu ly: 3 sap den han, 2 qua han. Xem: https://pakn.example.vn/s", digest.Text);
        Assert.Equal(NotificationUrgency.Urgent, digest.Urgency);
        Assert.Equal("staff-digest", digest.TemplateKey);
        Assert.Equal(notices.ForOne(items[0]).Text, notices.Digest([items[0]], today).Text);
    }

    [Fact]
    public void A_digest_of_only_non_urgent_items_waits_for_the_morning_and_counts_due_today_apart()
    {
        var today = new DateOnly(2027, 3, 18);
        var digest = new StaffNotices("https://pakn.example.vn").Digest(
            [new("HS-1", "reminder", today.AddDays(5)), new("HS-2", "unit-head", today)], today);

        Assert.Equal("2 ho so can xu ly: 1 sap den han, 1 den han hom nay. Xem: https://pakn.example.vn/s", digest.Text);
        Assert.Equal(NotificationUrgency.NonUrgent, digest.Urgency);
    }

    [Fact]
    public void An_origin_too_long_for_one_segment_is_refused() =>
        Assert.Throws<ArgumentException>(() => new StaffNotices("https://a-much-too-long-host.example.gov.vn"));
}
