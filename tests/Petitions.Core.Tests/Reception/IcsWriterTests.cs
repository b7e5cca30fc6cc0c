using System.Text;
using Petitions.Core.Organisation;
using Petitions.Core.Reception;
using static Petitions.Core.Tests.Reception.Schedules;

namespace Petitions.Core.Tests.Reception;

public sealed class IcsWriterTests
{
    private static readonly OrganisationChart Demo = OrganisationLoader.LoadDemo();
    private static readonly DateTimeOffset Stamp = new(2026, 4, 20, 1, 2, 3, TimeSpan.Zero);
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private readonly OccurrenceGenerator _generator = new(TestCalendar.Instance);
    private readonly ReceptionIcsWriter _writer = new(Demo);

    private static ReceptionSchedule CamTay(HolidayPolicy policy = HolidayPolicy.MoveToNextWorkingDay) =>
        For("qn-camtay", "FREQ=WEEKLY;BYDAY=TH", policy) with
        {
            Place = "Phòng tiếp công dân, tầng 1; trụ sở UBND phường Cẩm Tây\\Quảng Ninh",
        };

    private string Feed(ReceptionSchedule schedule, DateOnly from, DateOnly to, DateTimeOffset? stamp = null) =>
        _writer.Write("qn-camtay", _generator.Generate(schedule, from, to), stamp ?? Stamp);

    private static List<string> LogicalLines(string ics) =>
        IcsText.Unfold(ics).Split("\r\n").SkipLast(1).ToList();

    private static List<List<string>> Events(string ics)
    {
        var events = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in LogicalLines(ics))
        {
            if (line == "BEGIN:VEVENT")
            {
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return events;
    }

    [Fact]
    public void Every_physical_line_is_at_most_75_octets_and_valid_utf8_on_its_own()
    {
        var ics = Feed(CamTay(), D(2026, 4, 1), D(2026, 6, 30));

        var physical = ics.Split("\r\n").SkipLast(1).ToList();
        Assert.True(physical.Count > 50);
        Assert.All(physical, line =>
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            Assert.True(bytes.Length <= 75, $"{bytes.Length} octets: {line}");
            Assert.Equal(line, StrictUtf8.GetString(bytes));
        });
        Assert.Contains(physical, l => l.StartsWith(' '));
    }

    [Fact]
    public void Lines_end_with_CRLF_only()
    {
        var ics = Feed(CamTay(), D(2026, 4, 1), D(2026, 4, 30));

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Folding_never_splits_a_vietnamese_character_and_unfolds_to_the_original_line()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Chủ tịch UBND phường tiếp công dân định kỳ – 🇻🇳 ", 9));

        var folded = IcsText.Fold(line);

        Assert.Equal(line + "\r\n", IcsText.Unfold(folded));
        var physical = folded.Split("\r\n").SkipLast(1).ToList();
        Assert.True(physical.Count > 5);
        Assert.All(physical, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.All(physical.Skip(1), l => Assert.Matches("^ [^ ]|^  ", l));
        Assert.All(physical, l => Assert.False(l.Length > 0 && char.IsHighSurrogate(l[^1]), "a surrogate pair was split"));
    }

    [Fact]
    public void Folded_output_unfolds_to_the_unfolded_original()
    {
        var ics = Feed(CamTay(), D(2026, 4, 1), D(2026, 5, 31));

        var logical = LogicalLines(ics);
        var refolded = string.Concat(logical.Select(IcsText.Fold));

        Assert.Equal(ics, refolded);
        Assert.All(logical, l => Assert.DoesNotContain("\r", l, StringComparison.Ordinal));
        Assert.Contains(logical, l => Encoding.UTF8.GetByteCount(l) > 75);
    }

    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_newline()
    {
        Assert.Equal(@"a\\b\;c\,d\ne\nf", IcsText.Escape("a\\b;c,d\r\ne\nf"));
        Assert.Equal("Cẩm Tây", IcsText.Escape("Cẩm Tây".Normalize(NormalizationForm.FormD)));

        var location = Assert.Single(LogicalLines(Feed(CamTay(), D(2026, 5, 14), D(2026, 5, 14))), l => l.StartsWith("LOCATION:", StringComparison.Ordinal));
        Assert.Equal(@"LOCATION:Phòng tiếp công dân\, tầng 1\; trụ sở UBND phường Cẩm Tây\\Quảng Ninh", location);
    }

    [Fact]
    public void Calendar_carries_version_method_prodid_name_and_the_Ho_Chi_Minh_VTIMEZONE()
    {
        var lines = LogicalLines(Feed(CamTay(), D(2026, 5, 14), D(2026, 5, 14)));

        Assert.Equal(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ReceptionIcsWriter.ProductId], lines.Take(3));
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Contains("X-WR-CALNAME:Lịch tiếp công dân – Ủy ban nhân dân phường Cẩm Tây", lines);
        var tz = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();
        Assert.Equal(
            ["BEGIN:VTIMEZONE", "TZID:Asia/Ho_Chi_Minh", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:ICT", "END:STANDARD"],
            tz);
    }

    [Fact]
    public void A_session_has_local_times_with_TZID_a_UTC_stamp_and_a_vietnamese_summary()
    {
        var e = Assert.Single(Events(Feed(CamTay(), D(2026, 5, 14), D(2026, 5, 14))));

        Assert.Contains("UID:qn-camtay-chu-tich-20260514@petitions", e);
        Assert.Contains("DTSTAMP:20260420T010203Z", e);
        Assert.Contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20260514T073000", e);
        Assert.Contains("DTEND;TZID=Asia/Ho_Chi_Minh:20260514T113000", e);
        Assert.Contains("SEQUENCE:0", e);
        Assert.Contains("STATUS:CONFIRMED", e);
        Assert.Contains("SUMMARY:Chủ tịch UBND phường Phan Văn Thắng tiếp công dân định kỳ – Ủy ban nhân dân phường Cẩm Tây", e);
    }

    [Fact]
    public void UIDs_are_stable_across_regenerations_over_other_ranges_and_stamps()
    {
        static IEnumerable<string> Uids(string ics) => LogicalLines(ics).Where(l => l.StartsWith("UID:", StringComparison.Ordinal));

        var first = Uids(Feed(CamTay(), D(2026, 4, 1), D(2026, 5, 31))).ToList();
        var second = Uids(Feed(CamTay(), D(2026, 4, 15), D(2026, 6, 30), Stamp.AddDays(3))).ToList();

        var overlap = second.Intersect(first).ToList();
        Assert.Contains("UID:qn-camtay-chu-tich-20260430@petitions", overlap);
        Assert.Contains("UID:qn-camtay-chu-tich-20260430-moved-20260504@petitions", overlap);
        Assert.Equal(first.Where(u => string.CompareOrdinal(u, "UID:qn-camtay-chu-tich-20260416") >= 0), overlap);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Fact]
    public void A_cancelled_session_is_published_as_cancelled_at_its_original_time_with_a_raised_sequence()
    {
        var e = Assert.Single(Events(Feed(CamTay(HolidayPolicy.CancelWithNotice), D(2026, 4, 30), D(2026, 4, 30))));

        Assert.Contains("UID:qn-camtay-chu-tich-20260430@petitions", e);
        Assert.Contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20260430T073000", e);
        Assert.Contains("STATUS:CANCELLED", e);
        Assert.Contains("SEQUENCE:1", e);
        Assert.Contains(e, l => l.StartsWith("SUMMARY:[Hủy] ", StringComparison.Ordinal));
        Assert.Contains(e, l => l.StartsWith(@"DESCRIPTION:Buổi tiếp bị hủy: Ngày Chiến thắng.\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_moved_session_is_cancelled_at_its_original_time_and_published_again_on_its_new_day()
    {
        var events = Events(Feed(CamTay(), D(2026, 4, 30), D(2026, 4, 30)));

        Assert.Equal(2, events.Count);
        var cancelled = Assert.Single(events, e => e.Contains("STATUS:CANCELLED"));
        Assert.Contains("UID:qn-camtay-chu-tich-20260430@petitions", cancelled);
        Assert.Contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20260430T073000", cancelled);
        Assert.Contains("SEQUENCE:1", cancelled);
        Assert.Contains(cancelled, l => l.Contains("Dời sang ngày 04/05/2026", StringComparison.Ordinal));
        var moved = Assert.Single(events, e => e.Contains("STATUS:CONFIRMED"));
        Assert.Contains("UID:qn-camtay-chu-tich-20260430-moved-20260504@petitions", moved);
        Assert.Contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20260504T073000", moved);
    }

    [Fact]
    public void A_session_cancelled_by_staff_keeps_its_uid_and_raises_its_sequence_from_zero_to_one()
    {
        var schedule = CamTay();
        var before = Assert.Single(Events(Feed(schedule, D(2026, 5, 14), D(2026, 5, 14))));
        var cancel = new SessionCancellation(schedule.Id, D(2026, 5, 14), "Chủ tịch dự họp tại tỉnh");

        var after = Assert.Single(Events(_writer.Write("qn-camtay", _generator.Generate(schedule, D(2026, 5, 14), D(2026, 5, 14), [cancel]), Stamp)));

        Assert.Contains("UID:qn-camtay-chu-tich-20260514@petitions", before);
        Assert.Contains("UID:qn-camtay-chu-tich-20260514@petitions", after);
        Assert.Contains("SEQUENCE:0", before);
        Assert.Contains("STATUS:CONFIRMED", before);
        Assert.Contains("SEQUENCE:1", after);
        Assert.Contains("STATUS:CANCELLED", after);
        Assert.Contains(after, l => l.StartsWith(@"DESCRIPTION:Buổi tiếp bị hủy: Chủ tịch dự họp tại tỉnh.\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_moved_session_cancelled_by_staff_withdraws_the_moved_event_under_its_own_uid_too()
    {
        var schedule = CamTay();
        var cancel = new SessionCancellation(schedule.Id, D(2026, 4, 30), "Chủ tịch dự họp tại tỉnh");

        var events = Events(_writer.Write("qn-camtay", _generator.Generate(schedule, D(2026, 4, 30), D(2026, 4, 30), [cancel]), Stamp));

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Contains("STATUS:CANCELLED", e));
        Assert.All(events, e => Assert.Contains("SEQUENCE:1", e));
        var moved = Assert.Single(events, e => e.Contains("UID:qn-camtay-chu-tich-20260430-moved-20260504@petitions"));
        Assert.Contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20260504T073000", moved);
        Assert.Single(events, e => e.Contains("UID:qn-camtay-chu-tich-20260430@petitions"));
    }

    [Fact]
    public void Only_the_units_own_sessions_appear()
    {
        var other = _generator.Generate(For("qn-halong", "FREQ=WEEKLY;BYDAY=TH"), D(2026, 5, 1), D(2026, 5, 31));

        Assert.Empty(Events(_writer.Write("qn-camtay", other, Stamp)));
    }
}
