using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Citizens;
using Petitions.Core.Notifications;
using Petitions.Core.Time;
using Petitions.Infrastructure.Notifications;
using Petitions.Infrastructure.Notifications.Sms;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Notifications;

/// <summary>
/// Issue 19, defect 5: a process sends an SMS and is killed before the record says "sent"; the process that starts
/// next dispatches the same notification again. The repeated request must carry the same ACS
/// <c>repeatabilityRequestId</c> and <c>repeatabilityFirstSent</c> (so ACS drops it), and the development sink must
/// drop it the same way, although it is another process with nothing in memory. Records on Azurite, ACS through its
/// protocol stub.
/// </summary>
public sealed class SendRepeatedAfterCrashTests : IDisposable
{
    private static readonly byte[] Key = Convert.FromBase64String("c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3OA==");
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly AcsSmsStub _acs = new(Key);
    private readonly ManualTimeProvider _clock = new(Morning);

    public void Dispose() => _acs.Dispose();

    [Fact]
    public async Task A_send_repeated_by_the_next_process_carries_the_same_repeatability_id_and_reaches_ACS_once()
    {
        var table = await NewTableAsync();
        var id = await CreateRecordAsync(table);

        // First process: sends, then dies before recording the result.
        await Assert.ThrowsAsync<ProcessKilled>(() => Dispatcher(new KilledAfterSending(new TableNotificationStore(table)), Acs()).DispatchAsync(id, default));
        Assert.Equal(NotificationState.Sending, (await new TableNotificationStore(table).GetAsync(id, default))!.State);

        // Next process, a minute later: new store, new channel, nothing in memory.
        _clock.Advance(TimeSpan.FromMinutes(1));
        var outcome = await Dispatcher(new TableNotificationStore(table), Acs()).DispatchAsync(id, default);

        Assert.Equal(DispatchStatus.Sent, outcome.Status);
        var bodies = _acs.Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("smsRecipients")[0]).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Single(bodies.Select(b => b.GetProperty("repeatabilityRequestId").GetString()).Distinct());
        Assert.Single(bodies.Select(b => b.GetProperty("repeatabilityFirstSent").GetString()).Distinct());
        Assert.Equal(Morning.ToString("r", System.Globalization.CultureInfo.InvariantCulture), bodies[0].GetProperty("repeatabilityFirstSent").GetString());
        Assert.Equal(1, _acs.Deliveries.Values.Sum());
        Assert.Equal(NotificationState.Sent, (await new TableNotificationStore(table).GetAsync(id, default))!.State);
    }

    [Fact]
    public async Task The_development_sink_drops_a_send_repeated_by_the_next_process()
    {
        var table = await NewTableAsync();
        var id = await CreateRecordAsync(table);

        var first = new DevelopmentOutbox(table);
        await Assert.ThrowsAsync<ProcessKilled>(() =>
            Dispatcher(new KilledAfterSending(new TableNotificationStore(table)), new DevelopmentSinkChannel(first, _clock)).DispatchAsync(id, default));

        _clock.Advance(TimeSpan.FromMinutes(1));
        var next = new DevelopmentOutbox(table);
        var outcome = await Dispatcher(new TableNotificationStore(table), new DevelopmentSinkChannel(next, _clock)).DispatchAsync(id, default);

        Assert.Equal(DispatchStatus.Sent, outcome.Status);
        var recorded = Assert.Single(first.List());
        Assert.Equal((id, Morning), (recorded.NotificationId, recorded.RecordedAt));
        Assert.Empty(next.List());

        // The durable marker holds no number and no text (a denouncer's phone never rests in the sink's storage).
        var marker = Assert.Single(table.Query<TableEntity>(e => e.PartitionKey == DevelopmentOutbox.Partition));
        Assert.DoesNotContain(marker.Select(kv => kv.Value), v => v?.ToString()?.Contains("912345678", StringComparison.Ordinal) == true || v?.ToString() == recorded.Text);
    }

    [Fact]
    public async Task The_sink_keeps_ids_a_row_key_would_refuse()
    {
        var table = await NewTableAsync();
        var outbox = new DevelopmentOutbox(table);
        var entry = new OutboxEntry("zalo-a/b#c?d\\e", "zalo:1", "text", "zalo-cs-reply", Morning);
        Assert.True(await outbox.TryRecordAsync(entry));
        Assert.False(await outbox.TryRecordAsync(entry with { Text = "again" }));
        Assert.False(await new DevelopmentOutbox(table).TryRecordAsync(entry with { Text = "again" }));
        Assert.Equal("text", Assert.Single(outbox.List()).Text);
    }

    private static async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("crash"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<string> CreateRecordAsync(TableClient table)
    {
        var id = Guid.NewGuid().ToString();
        var message = new NotificationCatalogue("https://pakn.example.vn/t/").Render(
            NotificationEvent.CaseReceived, new MessageFacts("HS-7K2Q-9MXT") { UnitName = "UBND phuong Cam Tay" });
        await new TableNotificationStore(table).CreateAsync(NotificationRecord.Create(id, PhoneNumber.Parse("0912345678"), message, Morning), default);
        return id;
    }

    private NotificationDispatcher Dispatcher(INotificationStore store, SmsProviderChannel channel) =>
        new(store, new NotificationChannels(channel), _clock, NullLogger<NotificationDispatcher>.Instance);

    private AcsSmsChannel Acs() => new(
        new AcsSmsOptions
        {
            ConnectionString = $"endpoint={_acs.Endpoint};accesskey={Convert.ToBase64String(Key)}",
            From = "+18445792722",
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 0,
        },
        NullLogger<AcsSmsChannel>.Instance);

    private sealed class ProcessKilled : Exception;

    /// <summary>The real store, except that the process "dies" on the write that would record the provider's answer.</summary>
    private sealed class KilledAfterSending(INotificationStore inner) : INotificationStore
    {
        public Task<NotificationRecord?> GetAsync(string notificationId, CancellationToken cancellationToken) => inner.GetAsync(notificationId, cancellationToken);

        public Task<NotificationRecord> CreateAsync(NotificationRecord record, CancellationToken cancellationToken) => inner.CreateAsync(record, cancellationToken);

        public Task<NotificationRecord> UpdateAsync(NotificationRecord record, CancellationToken cancellationToken) =>
            record.State == NotificationState.Sending ? inner.UpdateAsync(record, cancellationToken) : throw new ProcessKilled();

        public Task<string?> FindByProviderMessageIdAsync(string providerMessageId, CancellationToken cancellationToken) =>
            inner.FindByProviderMessageIdAsync(providerMessageId, cancellationToken);
    }
}
