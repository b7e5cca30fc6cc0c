using System.Net;
using System.Text;
using Petitions.Core.Notifications;
using Petitions.Functions.Functions.DispatchNotification;
using Petitions.Functions.Functions.HandleZaloEvent;
using Petitions.Functions.Functions.ProcessDeliveryReport;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Notifications.Cases;
using Petitions.Infrastructure.Notifications.Zalo;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Notifications;

public sealed class CaseNotificationTests
{
    private const string Phone = "0912345678";
    private const string PhoneE164 = "+84912345678";

    [Fact]
    public async Task A_filed_case_gets_its_received_SMS_exactly_once_when_the_message_is_delivered_twice()
    {
        await using var world = await NotificationWorld.StartAsync();
        var code = await world.FileAsync();
        var message = Assert.Single(await world.TakeNotificationMessagesAsync());

        var dispatch = world.Function<DispatchNotificationFunction>();
        await dispatch.RunAsync(message, CancellationToken.None);
        await world.Function<DispatchNotificationFunction>().RunAsync(message, CancellationToken.None);

        var sms = Assert.Single(await world.OutboxAsync());
        Assert.Equal(PhoneE164, sms.GetProperty("to").GetString());
        Assert.Equal("case-received", sms.GetProperty("tag").GetString());
        Assert.Contains($"Ma ho so: {code}. Tra cuu: https://pakn.example.vn/t/{code}", sms.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(await world.TakeNotificationMessagesAsync());
    }

    [Fact]
    public async Task A_denouncer_gets_only_the_tracking_code_and_link_and_no_row_holds_the_phone()
    {
        await using var world = await NotificationWorld.StartAsync();
        var code = await world.FileAsync("denunciation", Phone);
        var message = Assert.Single(await world.TakeNotificationMessagesAsync());
        await world.Function<DispatchNotificationFunction>().RunAsync(message, CancellationToken.None);

        var sms = Assert.Single(await world.OutboxAsync());
        Assert.Equal("private-case-received", sms.GetProperty("tag").GetString());
        Assert.Equal($"Don cua ban da duoc tiep nhan. Ma ho so: {code}. Tra cuu: https://pakn.example.vn/t/{code}", sms.GetProperty("text").GetString());

        foreach (var table in new[] { world.Names.NotificationsTable, world.Names.CasesTable, world.Names.IndexTable, world.Names.GuardsTable })
        {
            foreach (var row in await world.RowsAsync(table))
            {
                foreach (var (key, value) in row)
                {
                    var text = value?.ToString() ?? string.Empty;
                    Assert.DoesNotContain("912345678", text, StringComparison.Ordinal);
                }
            }
        }

        var record = await world.Get<INotificationStore>().GetAsync(NotificationWorld.NotificationIdOf(message), CancellationToken.None);
        Assert.NotNull(record);
        Assert.Null(record.ToE164);
        Assert.Equal(CaseNotificationRecipients.Citizen(code), record.Recipient);
        Assert.Equal(NotificationState.Sent, record.State);
    }

    [Fact]
    public async Task A_non_urgent_notification_due_at_23_00_waits_until_07_00()
    {
        // 22:30 in Hanoi: the receipt (urgent) goes at once; the apology (non-urgent) due at 23:00 waits for 07:00.
        await using var world = await NotificationWorld.StartAsync(start: new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.FromHours(7)));
        var code = await world.FileAsync();
        await world.TakeNotificationMessagesAsync();
        var id = "N-apology-" + code;
        var message = world.Get<NotificationCatalogue>().Render(NotificationEvent.ApologyLate, new MessageFacts(code) { UnitName = "UBND phuong Cam Tay", Date = new DateOnly(2026, 3, 20) });
        await world.Get<INotificationStore>().CreateAsync(
            NotificationRecord.ForRecipient(id, CaseNotificationRecipients.Citizen(code), message, new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.FromHours(7))),
            CancellationToken.None);
        var text = $$"""{"notificationId":"{{id}}"}""";

        world.Clock.Advance(TimeSpan.FromMinutes(30));
        var sender = world.RecordingSender();
        await world.Function<DispatchNotificationFunction>(sender).RunAsync(text, CancellationToken.None);
        Assert.DoesNotContain(await world.OutboxAsync(), e => e.GetProperty("notificationId").GetString() == id);

        // Put back on the notifications queue, hidden until 07:00 (8 hours after 23:00). The worker may add other
        // notifications of the same filing to that queue meanwhile, so the assertion is on this message, not the count.
        var deferred = Assert.Single(sender.Sent);
        Assert.Equal(Petitions.Core.Ports.CaseQueues.Notifications, deferred.Queue);
        Assert.Equal(id, NotificationWorld.NotificationIdOf(deferred.Message));
        Assert.Equal(TimeSpan.FromHours(8), deferred.Delay);

        world.Clock.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(59));
        await world.Function<DispatchNotificationFunction>().RunAsync(text, CancellationToken.None);
        Assert.DoesNotContain(await world.OutboxAsync(), e => e.GetProperty("notificationId").GetString() == id);

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Function<DispatchNotificationFunction>().RunAsync(text, CancellationToken.None);
        var sent = Assert.Single(await world.OutboxAsync(), e => e.GetProperty("notificationId").GetString() == id);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.FromHours(7)), sent.GetProperty("recordedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_delivery_report_from_Event_Grid_marks_the_record_delivered_plain_or_base64()
    {
        await using var world = await NotificationWorld.StartAsync();
        var fixture = RepositoryPaths.Fixture("acs/delivery-report-event.json");
        var providerId = System.Text.Json.JsonDocument.Parse(fixture).RootElement.EnumerateArray().First()
            .GetProperty("data").GetProperty("messageId").GetString()!;
        var code = await world.FileAsync();
        await world.TakeNotificationMessagesAsync();
        var store = world.Get<INotificationStore>();
        var id = "N-report-" + code;
        var message = world.Get<NotificationCatalogue>().Render(NotificationEvent.CaseAccepted, new MessageFacts(code) { UnitName = "UBND phuong Cam Tay" });
        var record = await store.CreateAsync(NotificationRecord.ForRecipient(id, CaseNotificationRecipients.Citizen(code), message, world.Clock.GetUtcNow()), CancellationToken.None);
        await store.UpdateAsync(
            record with { State = NotificationState.Sent, Channel = ChannelKind.Sms, ChannelsTried = [ChannelKind.Sms], ProviderMessageId = providerId, Attempts = 1 },
            CancellationToken.None);

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(fixture));
        await world.Function<ProcessDeliveryReportFunction>().RunAsync(base64, CancellationToken.None);
        await world.Function<ProcessDeliveryReportFunction>().RunAsync(fixture, CancellationToken.None);

        var updated = await store.GetAsync(id, CancellationToken.None);
        Assert.Equal(NotificationState.Delivered, updated!.State);
        Assert.NotNull(updated.DeliveredAt);
    }

    [Fact]
    public async Task The_Zalo_webhook_with_a_right_signature_queues_the_event_and_the_user_gets_the_form_link()
    {
        await using var world = await NotificationWorld.StartAsync();
        var raw = Encoding.UTF8.GetBytes(RepositoryPaths.Fixture("zalo/user_send_text.json"));
        var zaloEvent = ZaloWebhookEvent.Parse(raw);
        using var client = world.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/zalo/webhook") { Content = new ByteArrayContent(raw) };
        request.Headers.Add(ZaloSignature.HeaderName, ZaloSignature.Compute(NotificationWorld.AppId, raw, zaloEvent.Timestamp, NotificationWorld.OaSecretKey));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var queue = world.Account.GetQueueClient(world.Queue("ZaloEventsQueueName"));
        var queued = await Eventually.Until(async () => (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value
            .FirstOrDefault(m => m.Body.ToString().Contains(zaloEvent.MessageId!, StringComparison.Ordinal)), m => m is not null, TimeSpan.FromSeconds(10));
        Assert.Equal(Encoding.UTF8.GetString(raw), queued!.Body.ToString());
        await world.Function<HandleZaloEventFunction>().RunAsync(queued.Body.ToString(), CancellationToken.None);
        await queue.DeleteMessageAsync(queued.MessageId, queued.PopReceipt);

        var reply = Assert.Single(await world.OutboxAsync(), e => e.GetProperty("tag").GetString() == DevelopmentZaloOaClient.Tag);
        Assert.Equal("zalo:" + zaloEvent.SenderId, reply.GetProperty("to").GetString());
        Assert.Contains("https://pakn.example.vn/file.html?channel=zalo&zref=", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("mac=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task The_Zalo_webhook_answers_401_when_the_signature_is_missing_or_wrong(string? header)
    {
        await using var world = await NotificationWorld.StartAsync();
        var raw = Encoding.UTF8.GetBytes(RepositoryPaths.Fixture("zalo/user_send_text.json"));
        using var client = world.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/zalo/webhook") { Content = new ByteArrayContent(raw) };
        if (header is not null)
        {
            request.Headers.Add(ZaloSignature.HeaderName, header);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
