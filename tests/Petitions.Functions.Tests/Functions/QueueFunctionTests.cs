using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Petitions.Functions.Functions.DispatchNotification;
using Petitions.Functions.Functions.HandleZaloEvent;
using Petitions.Functions.Functions.ProcessDeliveryReport;
using Petitions.Infrastructure.Notifications.Zalo;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Functions;

/// <summary>The queue functions' own logic: reading their messages, and the Zalo reply through the OA port.</summary>
public sealed class QueueFunctionTests
{
    [Fact]
    public void A_notifications_message_carries_its_id_and_anything_else_throws_towards_the_poison_queue()
    {
        Assert.Equal("N-1", DispatchNotificationFunction.NotificationIdOf("""{"notificationId":"N-1"}"""));
        Assert.Throws<FormatException>(() => DispatchNotificationFunction.NotificationIdOf("""{"caseId":"HS-1"}"""));
    }

    [Fact]
    public void A_delivery_report_is_read_plain_or_base64_encoded()
    {
        const string json = """[{"eventType":"Microsoft.Communication.SMSDeliveryReportReceived"}]""";

        Assert.Equal(json, ProcessDeliveryReportFunction.EventJson(json));
        Assert.Equal(json, ProcessDeliveryReportFunction.EventJson(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));
        Assert.Throws<FormatException>(() => ProcessDeliveryReportFunction.EventJson("not json, not base64!"));
    }

    [Fact]
    public async Task A_user_text_on_Zalo_is_answered_once_per_message_with_the_signed_form_link()
    {
        var raw = RepositoryPaths.Fixture("zalo/user_send_text.json");
        var zaloEvent = ZaloWebhookEvent.Parse(Encoding.UTF8.GetBytes(raw));
        var oa = new Mock<IZaloOaClient>();
        var options = new ZaloOptions { FormUrl = new Uri("https://pakn.example.vn/file.html") };
        var function = new HandleZaloEventFunction(options, new ZaloUserReference("secret", TimeProvider.System), oa.Object, NullLogger<HandleZaloEventFunction>.Instance);

        await function.RunAsync(raw, CancellationToken.None);

        oa.Verify(o => o.SendCsMessageAsync(
            zaloEvent.SenderId!,
            It.Is<string>(text => text.Contains("https://pakn.example.vn/file.html?channel=zalo&zref=", StringComparison.Ordinal)),
            zaloEvent.MessageId!,
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Other_Zalo_events_are_ignored()
    {
        var oa = new Mock<IZaloOaClient>(MockBehavior.Strict);
        var function = new HandleZaloEventFunction(new ZaloOptions(), new ZaloUserReference("secret", TimeProvider.System), oa.Object, NullLogger<HandleZaloEventFunction>.Instance);

        await function.RunAsync("""{"app_id":"1","event_name":"follow","timestamp":"1700000000000","sender":{"id":"42"}}""", CancellationToken.None);

        oa.VerifyNoOtherCalls();
    }
}
