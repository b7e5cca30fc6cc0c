using System.Text.Json;
using Petitions.Core.Notifications;
using Petitions.TestKit;

namespace Petitions.Core.Tests.Notifications;

public sealed class NotificationCatalogueTests
{
    // The longest values we design for: a 12-character code, a 32-character lookup base.
    private const string LongestCode = "KN-7K2Q9MXYZ";
    private const string LongestBase = "https://pakn.quangninh.gov.vn/t/";
    private const string LongestOfferBase = "https://pakn.quangninh.gov.vn/r/";

    public static readonly string[] UnitNames =
    [
        "Ủy ban nhân dân phường Cẩm Tây, tỉnh Quảng Ninh",
        "Thanh tra Sở Nông nghiệp và Phát triển nông thôn thành phố Hồ Chí Minh",
        "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp thuộc Ủy ban nhân dân đặc khu Phú Quốc, tỉnh An Giang",
        "Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính thuộc Văn phòng Ủy ban nhân dân xã Tân Lập, tỉnh Lâm Đồng [TTHCC]",
        new string('Ư', 120),
        string.Join(' ', Enumerable.Repeat("Nghiêng", 17)),
        string.Concat(Enumerable.Repeat("€", 60)),
    ];

    private static readonly string LongReason = string.Join(' ', Enumerable.Repeat(
        "Nội dung đơn không thuộc thẩm quyền giải quyết và đã quá thời hiệu khiếu nại theo Điều 9 Luật Khiếu nại 2011", 5));

    public static TheoryData<NotificationEvent> Events() => [.. NotificationEvents.ForCitizens];

    // Offers are never made for denunciations (ReceptionOffers), so they have no denunciation message.
    public static TheoryData<NotificationEvent> DenunciationEvents() =>
        [.. NotificationEvents.ForCitizens.Where(e => e != NotificationEvent.ReceptionOffer)];

    private static MessageFacts LongestFacts(string unit) => new(LongestCode)
    {
        UnitName = unit,
        OtherUnitName = unit,
        Reason = LongReason,
        Date = new DateOnly(2026, 12, 31),
        Time = new TimeOnly(14, 30),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_citizen_template_fits_one_GSM7_segment_at_maximum_field_lengths(NotificationEvent @event)
    {
        var catalogue = new NotificationCatalogue(LongestBase, LongestOfferBase);
        foreach (var unit in UnitNames)
        {
            var message = catalogue.Render(@event, LongestFacts(unit));
            var count = SmsSegments.Count(message.Text);
            Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
            Assert.True(count.Units <= 160, $"{message.TemplateKey}: {count.Units} septets: {message.Text}");
            Assert.Equal(1, count.Segments);
            Assert.Contains(LongestCode, message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("{", message.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DenunciationEvents))]
    public void Every_denunciation_template_fits_one_GSM7_segment(NotificationEvent @event)
    {
        var message = new NotificationCatalogue(LongestBase).RenderForDenunciation(@event, LongestCode);
        var count = SmsSegments.Count(message.Text);
        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(1, count.Segments);
    }

    [Fact]
    public void Case_received_reads_as_in_the_ACS_fixture()
    {
        using var fixture = JsonDocument.Parse(RepositoryPaths.Fixture("acs/sms-send-request.json"));
        var expected = fixture.RootElement.GetProperty("message").GetString();

        var message = new NotificationCatalogue("https://pakn.example.vn/t/")
            .Render(NotificationEvent.CaseReceived, new MessageFacts("KN-7K2Q9M") { UnitName = "Ủy ban nhân dân phường Cẩm Tây" });

        Assert.Equal(expected, message.Text);
        Assert.Equal("case-received", message.TemplateKey);
        Assert.Equal(NotificationUrgency.Urgent, message.Urgency);
    }

    [Theory]
    [InlineData("Ủy ban nhân dân phường Cẩm Tây, tỉnh Quảng Ninh", "UBND P.Cam Tay, T.Quang Ninh")]
    [InlineData("Uỷ ban nhân dân xã Tân Lập", "UBND X.Tan Lap")]
    [InlineData("Phường Xa La", "P.Xa La")]
    [InlineData("Thanh tra tỉnh Quảng Ninh", "TTr T.Quang Ninh")]
    [InlineData("Sở Tư pháp thành phố Hà Nội", "So Tu phap TP.Ha Noi")]
    [InlineData("Hội đồng nhân dân đặc khu Côn Đảo", "HDND DK.Con Dao")]
    public void Unit_names_are_abbreviated_deterministically(string name, string expected)
    {
        Assert.Equal(expected, UnitNameAbbreviation.Abbreviate(name));
    }

    [Fact]
    public void Long_unit_names_are_cut_at_a_word_boundary()
    {
        var message = new NotificationCatalogue(LongestBase).Render(
            NotificationEvent.ApologyLate, LongestFacts(UnitNames[2]) with { });
        var unitPart = message.Text[..message.Text.IndexOf(" xin loi", StringComparison.Ordinal)];
        var full = UnitNameAbbreviation.Abbreviate(UnitNames[2]);
        Assert.StartsWith(unitPart, full, StringComparison.Ordinal);
        Assert.True(full.Length > unitPart.Length);
        Assert.Equal(' ', full[unitPart.Length + full[unitPart.Length..].TakeWhile(c => c != ' ').Count()]);
    }

    [Fact]
    public void Dates_read_dd_MM_yyyy()
    {
        var message = new NotificationCatalogue(LongestBase).Render(
            NotificationEvent.DeadlineExtended, new MessageFacts("KN-1") { UnitName = "UBND xã A", Date = new DateOnly(2027, 2, 6) });
        Assert.Contains("den ngay 06/02/2027.", message.Text, StringComparison.Ordinal);
        Assert.Equal("06/02/2027", message.TemplateData["date"]);
    }

    [Fact]
    public void A_refusal_states_the_reason_in_plain_words()
    {
        var message = new NotificationCatalogue(LongestBase).Render(
            NotificationEvent.CaseRefused, new MessageFacts("KN-1") { UnitName = "UBND xã A", Reason = "Đơn đã quá thời hiệu" });
        Assert.Contains("Ly do: Don da qua thoi hieu.", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_is_a_clear_error()
    {
        var catalogue = new NotificationCatalogue(LongestBase);
        Assert.Throws<ArgumentException>(() => catalogue.Render(NotificationEvent.DeadlineExtended, new MessageFacts("KN-1") { UnitName = "UBND" }));
        Assert.Throws<ArgumentException>(() => catalogue.Render(NotificationEvent.CaseAccepted, new MessageFacts("KN-1")));
        Assert.Throws<ArgumentException>(() => catalogue.Render(NotificationEvent.CaseAccepted, new MessageFacts("kn 1") { UnitName = "A" }));
        Assert.Throws<ArgumentException>(() => new NotificationCatalogue("https://a-much-too-long-host.example.gov.vn/lookup/"));
    }

    [Fact]
    public void Every_event_has_one_citizen_and_one_denunciation_template_with_distinct_keys()
    {
        foreach (var @event in NotificationEvents.ForCitizens)
        {
            Assert.Single(NotificationTemplates.Citizen, t => t.Event == @event);
            if (@event != NotificationEvent.ReceptionOffer)
            {
                Assert.Single(NotificationTemplates.Denunciation, t => t.Event == @event);
            }
        }

        var keys = NotificationTemplates.Citizen.Select(t => t.Key).Concat(NotificationTemplates.Denunciation.Select(t => t.Key)).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Only_the_receipt_the_reception_reminder_and_a_cancelled_session_may_be_sent_at_night()
    {
        // A cancelled session is urgent: the citizen may set out early the next morning.
        var urgent = NotificationTemplates.Citizen.Where(t => t.Urgency == NotificationUrgency.Urgent).Select(t => t.Event);
        Assert.Equal([NotificationEvent.CaseReceived, NotificationEvent.ReceptionReminder, NotificationEvent.ReceptionCancelled], urgent);
    }

    [Fact]
    public void Reception_offer_fits_one_GSM7_segment_with_the_short_booking_link_at_maximum_lengths()
    {
        var catalogue = new NotificationCatalogue(LongestBase, LongestOfferBase);
        foreach (var unit in UnitNames)
        {
            var message = catalogue.Render(NotificationEvent.ReceptionOffer, new MessageFacts(LongestCode) { UnitName = unit, Date = new DateOnly(2026, 12, 31) });
            var count = SmsSegments.Count(message.Text);
            Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
            Assert.Equal(1, count.Segments);
            Assert.EndsWith("tai buoi tiep cong dan 31/12/2026. Dat cho: " + LongestOfferBase + LongestCode, message.Text, StringComparison.Ordinal);
            Assert.Contains(" moi ban gap lanh dao ve ho so " + LongestCode, message.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reception_offer_needs_an_offer_base_and_has_no_denunciation_message()
    {
        var facts = new MessageFacts("KN-1") { UnitName = "UBND xa A", Date = new DateOnly(2026, 12, 31) };
        Assert.Throws<InvalidOperationException>(() => new NotificationCatalogue(LongestBase).Render(NotificationEvent.ReceptionOffer, facts));
        Assert.Throws<ArgumentException>(() => new NotificationCatalogue(LongestBase, LongestOfferBase).RenderForDenunciation(NotificationEvent.ReceptionOffer, "KN-1"));
        Assert.Throws<ArgumentException>(() => new NotificationCatalogue(LongestBase, "https://a-much-too-long-host.example.gov.vn/r/"));
    }
}
