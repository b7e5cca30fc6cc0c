using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Petitions.Core.Notifications;
using Petitions.Functions.Tests.Cases;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Notifications;

/// <summary>
/// The whole app under the local host (HTTP filing, outbox relay, the notifications and delivery-reports queue
/// triggers) on a private Azurite with <c>Notifications:Sms:Provider=Acs</c> pointed at the test process's ACS stub, which verifies the
/// HMAC signature as the service does, deduplicates by repeatabilityRequestId, and fails, throttles and hangs on demand.
/// </summary>
public sealed class AcsThroughAppTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly AcsSmsStub _stub;
    private readonly AzuriteServer _azurite = AzuriteServer.StartPrivate();
    private readonly ZnsStub _zns = new("""{"error":-118,"message":"Zalo account not existed"}""");
    private TestApp _app = null!;
    private HttpClient _client = null!;

    public AcsThroughAppTests() =>
        // The hang outlasts the client's network timeout, so the pipeline gives up and retries with the same id.
        _stub = new AcsSmsStub(_key) { Hang = TimeSpan.FromSeconds(3) };

    /// <summary>Starts the app; <paramref name="withZalo"/> adds ZNS (a template for the receipt) on the ZNS stub.</summary>
    private void Start(bool withZalo = false)
    {
        _app = new TestApp()
            .With("AzureWebJobsStorage", _azurite.ConnectionString)
            .With("Public:BaseUrl", "https://pakn.example.vn")
            .With("Notifications:Sms:Provider", "Acs")
            .With("Notifications:Sms:Acs:ConnectionString", $"endpoint={_stub.Endpoint};accesskey={Convert.ToBase64String(_key)}")
            .With("Notifications:Sms:Acs:From", "+18445792722")
            .With("Notifications:Sms:Acs:NetworkTimeout", "00:00:00.800")
            .With("Notifications:Sms:Acs:RetryDelay", "00:00:00.050")
            .With("Notifications:Sms:Acs:MaxRetryDelay", "00:00:02")
            .With("Notifications:Sms:Acs:MaxRetries", "3");
        if (withZalo)
        {
            _app.With("Notifications:Zalo:AccessToken", "zns-test-token")
                .With("Notifications:Zalo:BaseUrl", _zns.BaseUrl.AbsoluteUri)
                .With("Notifications:Zalo:Templates:CaseReceived", "231456");
        }

        _client = _app.CreateClient();
    }

    public void Dispose()
    {
        _client?.Dispose();
        _app?.Dispose();
        _azurite.Dispose();
        _stub.Dispose();
        _zns.Dispose();
    }

    [Fact]
    public async Task Every_received_SMS_reaches_ACS_exactly_once_through_500_429_a_timeout_after_acceptance_and_duplicate_queue_messages()
    {
        Start();
        _stub.Then(AcsSmsStub.Behaviour.Fail500, AcsSmsStub.Behaviour.Throttle, AcsSmsStub.Behaviour.AcceptThenHang);
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add(await FileAsync($"09123456{i:00}"));
        }

        // (d) The queue delivers each notification message twice: a second copy goes on "notifications" as soon as
        // case handling has requested it, racing the first.
        var ids = await Eventually.Until(RequestedNotificationIdsAsync, r => r.Count >= codes.Count, Patience, "every case requested its received SMS");
        Assert.Equal(codes.Count, ids.Count);
        var notifications = Account.GetQueueClient(_app.Settings["NotificationsQueueName"]);
        foreach (var id in ids)
        {
            await notifications.SendMessageAsync(JsonSerializer.Serialize(new { notificationId = id }));
        }

        var store = _app.Services.GetRequiredService<INotificationStore>();
        await Eventually.Until(
            async () => string.Join(", ", (await Task.WhenAll(ids.Select(id => store.GetAsync(id, CancellationToken.None))))
                .Select(r => $"{r?.NotificationId}:{r?.State}/{r?.Attempts}/{r?.LastError}")),
            states => states.Split(", ").All(s => s.Contains(":Sent/", StringComparison.Ordinal)),
            Patience,
            "every notification sent\n" + WorkerLog);
        await Eventually.Until(async () => await notifications.ApproximateCountAsync(), n => n == 0, Patience, "the duplicates consumed");

        Assert.Equal(0, _stub.Pending);
        var exchanges = _stub.Exchanges;
        Assert.Contains(exchanges, e => e.Behaviour == AcsSmsStub.Behaviour.Fail500);
        Assert.Contains(exchanges, e => e.Behaviour == AcsSmsStub.Behaviour.Throttle);
        Assert.Contains(exchanges, e => e.Behaviour == AcsSmsStub.Behaviour.AcceptThenHang);
        Assert.Contains(exchanges, e => e.Result == "rejected");
        foreach (var code in codes)
        {
            var accepted = Assert.Single(exchanges, e => e.Result == "accepted" && e.Text.Contains(code, StringComparison.Ordinal));
            Assert.Equal(1, _stub.Deliveries[accepted.RequestId]);
            Assert.Equal("case-received", accepted.Tag);
            var segments = SmsSegments.Count(accepted.Text);
            Assert.Equal((SmsEncoding.Gsm7, 1), (segments.Encoding, segments.Segments));
            Assert.Contains($"Ma ho so: {code}. Tra cuu: https://pakn.example.vn/t/{code}", accepted.Text, StringComparison.Ordinal);
        }

        Assert.Equal(codes.Count, _stub.Deliveries.Count);
        Assert.All(_stub.Deliveries.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, _stub.Unauthorised);
        Assert.Equal(_stub.Requests, _stub.Verified);
        foreach (var id in ids)
        {
            var record = await store.GetAsync(id, CancellationToken.None);
            var accepted = Assert.Single(exchanges, e => e.Result == "accepted" && e.MessageId == record!.ProviderMessageId);
            Assert.Equal(1, _stub.Deliveries[accepted.RequestId]);
        }
    }

    [Fact]
    public async Task A_delivery_report_marks_the_SMS_delivered_and_a_failed_one_without_Zalo_marks_it_failed_and_sends_nothing_more()
    {
        Start();
        var delivered = await SentAsync(await FileAsync("0912345601"));
        var failed = await SentAsync(await FileAsync("0912345602"));
        var reports = Account.GetQueueClient(_app.Settings["DeliveryReportsQueueName"]);
        await reports.CreateIfNotExistsAsync();
        var requestsBefore = _stub.Exchanges.Count;

        await reports.SendMessageAsync(Report(delivered.ProviderMessageId!, "Delivered"));
        await reports.SendMessageAsync(Report(failed.ProviderMessageId!, "Failed"));

        var store = _app.Services.GetRequiredService<INotificationStore>();
        var nowDelivered = await Eventually.Until(() => store.GetAsync(delivered.NotificationId, CancellationToken.None), r => r?.State == NotificationState.Delivered, Patience, "delivered");
        Assert.NotNull(nowDelivered!.DeliveredAt);

        // ZNS is not configured (no Zalo access token): there is no other channel, so the notification is Failed and
        // nothing is sent again.
        var nowFailed = await Eventually.Until(() => store.GetAsync(failed.NotificationId, CancellationToken.None), r => r?.State == NotificationState.Failed, Patience, "failed");
        Assert.Equal([ChannelKind.Sms], nowFailed!.ChannelsTried);
        await Eventually.Until(async () => await reports.ApproximateCountAsync(), n => n == 0, Patience, "reports consumed");
        // Other work of the two cases (staff notices from routing and assignment) may still be in flight: wait for the
        // queue to drain. A retry re-enqueued with a delay would keep it from draining (the count includes invisible
        // messages), so this still fails if the failed report caused another send.
        await Eventually.Until(async () => await Account.GetQueueClient(_app.Settings["NotificationsQueueName"]).ApproximateCountAsync(), n => n == 0, Patience, "notifications drained");
        Assert.Equal(requestsBefore, _stub.Exchanges.Count);
        Assert.Equal(2, _stub.Deliveries.Count);
    }

    [Fact]
    public async Task With_Zalo_the_receipt_falls_back_to_SMS_once_and_a_failed_SMS_report_ends_Failed_without_a_second_try()
    {
        // ZNS goes first (it has a template for the receipt), answers -118 (no Zalo account), and SMS takes over at
        // once. Both channels are then tried, so a failed SMS delivery report has no other channel left.
        Start(withZalo: true);
        var record = await SentAsync(await FileAsync("0912345603"));
        Assert.Equal([ChannelKind.Zalo, ChannelKind.Sms], record.ChannelsTried);
        var zns = Assert.Single(_zns.Calls);
        Assert.Equal(("/message/template", "zns-test-token", record.NotificationId, "231456", "84912345603"), (zns.Path, zns.AccessToken, zns.TrackingId, zns.TemplateId, zns.Phone));

        var reports = Account.GetQueueClient(_app.Settings["DeliveryReportsQueueName"]);
        await reports.CreateIfNotExistsAsync();
        await reports.SendMessageAsync(Report(record.ProviderMessageId!, "Failed"));

        var store = _app.Services.GetRequiredService<INotificationStore>();
        var failed = await Eventually.Until(() => store.GetAsync(record.NotificationId, CancellationToken.None), r => r?.State == NotificationState.Failed, Patience, "failed");
        Assert.Equal("delivery-Failed", failed!.LastError);
        await Eventually.Until(async () => await reports.ApproximateCountAsync(), n => n == 0, Patience, "report consumed");
        Assert.Single(_zns.Calls);

        // One SMS: the worker may repeat the request after its 0.8 s network timeout on a loaded machine, but a repeat
        // carries the same repeatabilityRequestId and ACS (the stub) delivers it once.
        Assert.Single(_stub.Exchanges.Select(e => e.RequestId).Distinct());
        Assert.Equal(1, _stub.Deliveries.Values.Single());
    }

    private PlainStorage.Storage Account => PlainStorage.Account(_app.Host.StorageConnectionString);

    /// <summary>The app's warnings, errors and own lines (the worker's log, through the host), for a failing test to say what happened.</summary>
    private string WorkerLog => string.Join("\n", _app.Host.Logs
        .Where(l => l.Category.StartsWith("Petitions", StringComparison.Ordinal) || l.Level is "Warning" or "Error" or "Critical")
        .Select(l => $"{l.Level} {l.Category}: {l.Message}"));

    private async Task<string> FileAsync(string phone)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/cases", UriKind.Relative), CaseApp.Letter(phone));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
    }

    /// <summary>The ids of the received-SMS notifications case handling requested (their <c>request</c> rows).</summary>
    private async Task<List<string>> RequestedNotificationIdsAsync()
    {
        var table = Account.GetTableClient(_app.Services.GetRequiredService<CaseStorageSettings>().NotificationsTable);
        var ids = new List<string>();
        try
        {
            await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                // Staff requests (assignment, routing) go to the staff inbox, not to SMS: only the citizens' receipts count.
                if (row.RowKey == "request" && row.GetString("Template") == "case.received")
                {
                    ids.Add(row.PartitionKey);
                }
            }
        }
        catch (StorageRequestException)
        {
            // The table does not exist until the first request is written.
        }

        return ids;
    }

    /// <summary>Waits until the stub accepted the case's received SMS and its record is Sent; returns the record.</summary>
    private async Task<NotificationRecord> SentAsync(string code)
    {
        var store = _app.Services.GetRequiredService<INotificationStore>();
        var accepted = await Eventually.Until(
            () => Task.FromResult(_stub.Exchanges.FirstOrDefault(e => e.Result == "accepted" && e.Text.Contains(code, StringComparison.Ordinal))),
            e => e is not null,
            Patience,
            $"the received SMS of {code} accepted");
        var record = await Eventually.Until(
            async () =>
            {
                foreach (var id in await RequestedNotificationIdsAsync())
                {
                    if (await store.GetAsync(id, CancellationToken.None) is { State: NotificationState.Sent } r && r.ProviderMessageId == accepted!.MessageId)
                    {
                        return r;
                    }
                }

                return null;
            },
            r => r is not null,
            Patience,
            $"{code} sent");
        return record!;
    }

    private static string Report(string messageId, string status)
    {
        var fixture = JsonNode.Parse(RepositoryPaths.Fixture("acs/delivery-report-event.json"))!.AsArray();
        var e = fixture[0]!;
        e["id"] = Guid.NewGuid().ToString();
        e["data"]!["messageId"] = messageId;
        e["data"]!["deliveryStatus"] = status;
        e["data"]!["deliveryStatusDetails"] = status == "Delivered" ? "No error." : "Unknown error.";
        return fixture.ToJsonString();
    }
}
