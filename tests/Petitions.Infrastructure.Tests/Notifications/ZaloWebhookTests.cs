using System.Text;
using System.Text.Json.Nodes;
using Petitions.Core.Time;
using Petitions.Infrastructure.Notifications.Zalo;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Notifications;

public sealed class ZaloWebhookTests
{
    private const string AppId = "360846524940903967";
    private const string Secret = "oa-secret-for-tests";

    private static byte[] RawBody() => Encoding.UTF8.GetBytes(RepositoryPaths.Fixture("zalo/user_send_text.json").TrimEnd('\n'));

    [Fact]
    public void The_fixture_event_parses_into_a_user_text()
    {
        var zaloEvent = ZaloWebhookEvent.Parse(RawBody());
        Assert.Equal(AppId, zaloEvent.AppId);
        Assert.True(zaloEvent.IsUserText);
        Assert.Equal("1763777431354", zaloEvent.Timestamp);
        Assert.Equal("2512523625412515", zaloEvent.SenderId);
        Assert.Equal("579745863508352884", zaloEvent.RecipientId);
        Assert.Equal("96d3cdf3af150460909", zaloEvent.MessageId);
        Assert.StartsWith("Toi muon phan anh", zaloEvent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_an_event_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => ZaloWebhookEvent.Parse("{\"x\":1}"u8));
        Assert.Throws<FormatException>(() => ZaloWebhookEvent.Parse("not json"u8));
    }

    [Fact]
    public void The_signature_is_sha256_of_app_id_body_timestamp_and_secret()
    {
        var body = RawBody();
        var expected = "mac=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            [.. Encoding.UTF8.GetBytes(AppId), .. body, .. Encoding.UTF8.GetBytes("1763777431354"), .. Encoding.UTF8.GetBytes(Secret)]));
        Assert.Equal(expected, ZaloSignature.Compute(AppId, body, "1763777431354", Secret));
        Assert.True(ZaloSignature.Verify(AppId, body, "1763777431354", Secret, expected));
        Assert.True(ZaloSignature.Verify(AppId, body, "1763777431354", Secret, expected.ToUpperInvariant().Replace("MAC=", "mac=", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_signature_is_rejected_when_any_byte_of_the_body_differs()
    {
        var body = RawBody();
        var header = ZaloSignature.Compute(AppId, body, "1763777431354", Secret);
        for (var i = 0; i < body.Length; i++)
        {
            var tampered = (byte[])body.Clone();
            tampered[i] ^= 0x01;
            Assert.False(ZaloSignature.Verify(AppId, tampered, "1763777431354", Secret, header), $"byte {i}");
        }
    }

    [Fact]
    public void The_signature_is_rejected_when_the_header_app_timestamp_or_secret_differ()
    {
        var body = RawBody();
        var header = ZaloSignature.Compute(AppId, body, "1763777431354", Secret);
        for (var i = "mac=".Length; i < header.Length; i++)
        {
            var chars = header.ToCharArray();
            chars[i] = chars[i] == '0' ? '1' : '0';
            Assert.False(ZaloSignature.Verify(AppId, body, "1763777431354", Secret, new string(chars)));
        }

        Assert.False(ZaloSignature.Verify(AppId, body, "1763777431355", Secret, header));
        Assert.False(ZaloSignature.Verify(AppId + "1", body, "1763777431354", Secret, header));
        Assert.False(ZaloSignature.Verify(AppId, body, "1763777431354", Secret + "x", header));
        Assert.False(ZaloSignature.Verify(AppId, body, "1763777431354", Secret, null));
        Assert.False(ZaloSignature.Verify(AppId, body, "1763777431354", Secret, ""));
        Assert.False(ZaloSignature.Verify(AppId, body, "1763777431354", Secret, header[..^1]));
    }

    [Fact]
    public void The_reply_to_a_user_text_carries_the_form_link_marked_zalo_and_a_signed_user_reference()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var references = new ZaloUserReference(Secret, clock);
        var options = new ZaloOptions { FormUrl = new Uri("https://pakn.example.vn/gui-don") };

        var (uri, body) = ZaloCsMessage.ReplyWithFormLink(options, references, ZaloWebhookEvent.Parse(RawBody()));

        Assert.Equal("https://openapi.zalo.me/v3.0/oa/message/cs", uri.AbsoluteUri);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("2512523625412515", json["recipient"]!["user_id"]!.GetValue<string>());
        var text = json["message"]!["text"]!.GetValue<string>();
        var link = new Uri(text[text.IndexOf("https://", StringComparison.Ordinal)..]);
        Assert.StartsWith("https://pakn.example.vn/gui-don?channel=zalo&zref=", link.AbsoluteUri, StringComparison.Ordinal);
        var zref = Uri.UnescapeDataString(link.Query.Split("zref=")[1]);
        Assert.Equal("2512523625412515", references.Verify(zref));
    }

    [Fact]
    public void A_forged_or_expired_user_reference_is_refused()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var references = new ZaloUserReference(Secret, clock);
        var genuine = references.Create("2512523625412515");
        var parts = genuine.Split('.');

        Assert.Null(references.Verify("9999999999999999." + parts[1] + "." + parts[2]));
        Assert.Null(references.Verify(parts[0] + "." + (long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 1) + "." + parts[2]));
        Assert.Null(new ZaloUserReference("another-secret", clock).Verify(genuine));
        Assert.Null(references.Verify("garbage"));

        clock.Advance(ZaloUserReference.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(references.Verify(genuine));
    }

    [Fact]
    public void The_poster_QR_code_is_a_PNG_of_the_zalo_form_link()
    {
        var link = ZaloFormLink.ForChannel(new Uri("https://pakn.example.vn/gui-don"));
        Assert.Equal("https://pakn.example.vn/gui-don?channel=zalo", link.AbsoluteUri);
        var png = ZaloFormLink.QrCodePng(link);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.True(png.Length > 200);
    }
}
