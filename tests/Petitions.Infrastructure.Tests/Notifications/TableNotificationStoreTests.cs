using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Petitions.Core.Citizens;
using Petitions.Core.Notifications;
using Petitions.Core.Time;
using Petitions.Infrastructure.Notifications;
using Petitions.Infrastructure.Notifications.Sms;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Notifications;

public sealed class TableNotificationStoreTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    private static async Task<TableNotificationStore> NewStore()
    {
        var table = new TableServiceClient(AzuriteServer.Shared.ConnectionString).GetTableClient(AzuriteServer.UniqueName("notif"));
        var store = new TableNotificationStore(table);
        await store.EnsureCreatedAsync(default);
        return store;
    }

    private static NotificationRecord NewRecord(string id) => NotificationRecord.Create(
        id,
        PhoneNumber.Parse("0912345678"),
        new NotificationCatalogue("https://pakn.example.vn/t/").Render(
            NotificationEvent.DeadlineExtended,
            new MessageFacts("KN-7K2Q9M") { UnitName = "Ủy ban nhân dân phường Cẩm Tây", Date = new DateOnly(2026, 12, 31) }),
        Morning);

    [Fact]
    public async Task A_record_round_trips_with_every_field()
    {
        var store = await NewStore();
        var created = await store.CreateAsync(NewRecord("n-1"), default);
        var updated = await store.UpdateAsync(
            created with
            {
                State = NotificationState.Sent,
                Channel = ChannelKind.Sms,
                ChannelsTried = [ChannelKind.Zalo, ChannelKind.Sms],
                ProviderMessageId = "Outgoing_abc/def#1",
                Attempts = 2,
                ChannelFirstAttemptAt = Morning,
                SentAt = Morning.AddSeconds(3),
                LastError = "no-zalo-account",
            },
            default);

        var read = await store.GetAsync("n-1", default);
        Assert.Equal(updated with { TemplateData = read!.TemplateData, ChannelsTried = read.ChannelsTried }, read);
        Assert.Equal(created.TemplateData, read.TemplateData);
        Assert.Equal([ChannelKind.Zalo, ChannelKind.Sms], read.ChannelsTried);
        Assert.Equal("n-1", await store.FindByProviderMessageIdAsync("Outgoing_abc/def#1", default));
        Assert.Null(await store.FindByProviderMessageIdAsync("other", default));
    }

    [Fact]
    public async Task Creating_twice_keeps_the_first_record()
    {
        var store = await NewStore();
        var first = await store.CreateAsync(NewRecord("n-2"), default);
        var second = await store.CreateAsync(NewRecord("n-2") with { Text = "different" }, default);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.ETag, second.ETag);
    }

    [Fact]
    public async Task An_update_with_a_stale_ETag_is_a_concurrency_conflict()
    {
        var store = await NewStore();
        var created = await store.CreateAsync(NewRecord("n-3"), default);
        await store.UpdateAsync(created with { State = NotificationState.Sending }, default);
        await Assert.ThrowsAsync<NotificationConcurrencyException>(() => store.UpdateAsync(created with { State = NotificationState.Sent }, default));
        Assert.Equal(NotificationState.Sending, (await store.GetAsync("n-3", default))!.State);
    }

    [Fact]
    public async Task Dispatching_twice_over_the_table_store_sends_once()
    {
        var store = await NewStore();
        var clock = new ManualTimeProvider(Morning);
        var outbox = new DevelopmentOutbox();
        var dispatcher = new NotificationDispatcher(
            store, new NotificationChannels(new DevelopmentSinkChannel(outbox, clock)), clock, NullLogger<NotificationDispatcher>.Instance);
        await store.CreateAsync(NewRecord("n-4"), default);

        var outcomes = await Task.WhenAll(dispatcher.DispatchAsync("n-4", default), dispatcher.DispatchAsync("n-4", default));
        Assert.Contains(DispatchStatus.Sent, outcomes.Select(o => o.Status));
        Assert.Equal(DispatchStatus.AlreadySent, (await dispatcher.DispatchAsync("n-4", default)).Status);
        Assert.Single(outbox.List());

        var report = new DeliveryReport(ChannelKind.Sms, "sink-n-4", Delivered: true, "Delivered", Morning.AddSeconds(4));
        await dispatcher.ApplyDeliveryReportAsync(report, default);
        Assert.Equal(NotificationState.Delivered, (await store.GetAsync("n-4", default))!.State);
    }
}
