using Petitions.Core.Notifications;

namespace Petitions.Core.Tests.Notifications;

/// <summary>The one SMS of a resolution: the satisfaction question with the rating page's short link, in one GSM-7 segment.</summary>
public sealed class SatisfactionQuestionTests
{
    private const string LongestBase = "https://pakn.quangninh.gov.vn/t/";
    private const string LongestRatingBase = "https://pakn.quangninh.gov.vn/d/";
    private const string LongestCode = "HS-7K2Q-9MXT";

    [Fact]
    public void The_satisfaction_question_links_to_the_rating_page_in_one_GSM7_segment()
    {
        var catalogue = new NotificationCatalogue(LongestBase, ratingBase: LongestRatingBase);

        var message = catalogue.Render(NotificationEvent.SatisfactionQuestion, new MessageFacts(LongestCode) { UnitName = "Ủy ban nhân dân đặc khu Cô Tô" });
        var count = SmsSegments.Count(message.Text);

        Assert.Contains(LongestRatingBase + LongestCode, message.Text, StringComparison.Ordinal);
        Assert.Equal((SmsEncoding.Gsm7, 1), (count.Encoding, count.Segments));
    }

    [Fact]
    public void A_denouncer_gets_the_rating_link_and_the_code_only()
    {
        var catalogue = new NotificationCatalogue(LongestBase, ratingBase: LongestRatingBase);

        var message = catalogue.RenderForDenunciation(NotificationEvent.SatisfactionQuestion, LongestCode);

        Assert.Equal($"Xin danh gia viec giai quyet ho so {LongestCode} tai: {LongestRatingBase}{LongestCode}", message.Text);
        Assert.Equal(1, SmsSegments.Count(message.Text).Segments);
    }

    [Fact]
    public void Other_messages_keep_the_lookup_link()
    {
        var catalogue = new NotificationCatalogue(LongestBase, ratingBase: LongestRatingBase);

        var message = catalogue.Render(NotificationEvent.CaseAccepted, new MessageFacts(LongestCode) { UnitName = "UBND phường Cẩm Tây" });

        Assert.Contains(LongestBase + LongestCode, message.Text, StringComparison.Ordinal);
    }
}
