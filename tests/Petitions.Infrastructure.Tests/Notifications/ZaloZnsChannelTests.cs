using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Notifications;
using Petitions.Infrastructure.Notifications.Zalo;

namespace Petitions.Infrastructure.Tests.Notifications;

public sealed class ZaloZnsChannelTests
{
    private static readonly OutgoingMessage Message = new(
        "n-1", "+84912345678", "text", "case-received",
        new Dictionary<string, string> { ["tracking_code"] = "KN-7K2Q9M", ["unit_name"] = "Ủy ban nhân dân phường Cẩm Tây" },
        "case-received", DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_request_carries_the_phone_in_84_form_the_template_and_our_id_as_tracking_id()
    {
        var json = JsonNode.Parse(ZaloZnsChannel.BuildBody(Message, "231677"))!;
        Assert.Equal("84912345678", json["phone"]!.GetValue<string>());
        Assert.Equal("231677", json["template_id"]!.GetValue<string>());
        Assert.Equal("n-1", json["tracking_id"]!.GetValue<string>());
        Assert.Equal("Ủy ban nhân dân phường Cẩm Tây", json["template_data"]!["unit_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(200, """{"error":0,"message":"Success","data":{"msg_id":"a1b2","sent_time":"1763777431354"}}""", SendStatus.Accepted)]
    [InlineData(200, """{"error":-118,"message":"Zalo account not existed"}""", SendStatus.NoZaloAccount)]
    [InlineData(200, """{"error":-100,"message":"Unknown error"}""", SendStatus.TransientFailure)]
    [InlineData(200, """{"error":-109,"message":"Template ID invalid"}""", SendStatus.PermanentFailure)]
    [InlineData(503, "", SendStatus.TransientFailure)]
    [InlineData(429, "", SendStatus.TransientFailure)]
    [InlineData(400, "", SendStatus.PermanentFailure)]
    public void Zns_answers_map_to_send_results(int status, string body, SendStatus expected)
    {
        var result = ZaloZnsChannel.Interpret(status, Encoding.UTF8.GetBytes(body));
        Assert.Equal(expected, result.Status);
        if (expected == SendStatus.Accepted)
        {
            Assert.Equal("a1b2", result.ProviderMessageId);
        }
    }

    [Fact]
    public void Templates_are_found_by_key_or_by_event_name_and_others_go_by_SMS()
    {
        var options = new ZaloOptions { AccessToken = "token" };
        options.Templates["CaseReceived"] = "1";
        options.Templates["case-accepted"] = "2";
        var channel = new ZaloZnsChannel(options, NullLogger<ZaloZnsChannel>.Instance);
        Assert.True(channel.CanSend("case-received"));
        Assert.True(channel.CanSend("case-accepted"));
        Assert.False(channel.CanSend("case-resolved"));
        Assert.False(channel.DeduplicatesRetries);
    }
}
