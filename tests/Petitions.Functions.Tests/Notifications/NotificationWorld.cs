using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.Functions.Functions.DispatchNotification;
using Petitions.Functions.Runtime.Registry;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Notifications;

/// <summary>
/// The app in-process (Development) on the shared Azurite with case handling, a manual clock and per-test table and
/// queue names. The notification functions are disabled for the standalone listener: tests play them by resolving
/// their handlers, so they decide when (and how often) a message is delivered.
/// </summary>
internal sealed class NotificationWorld : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    public const string AppId = "360846524940903967";
    public const string OaSecretKey = "test-oa-secret-key";

    private readonly TestApp _app;

    private NotificationWorld(TestApp app, ManualTimeProvider clock, Dictionary<string, string?> settings)
    {
        _app = app;
        Clock = clock;
        Settings = settings;
    }

    public ManualTimeProvider Clock { get; }

    public Dictionary<string, string?> Settings { get; }

    public TestApp App => _app;

    public CaseStorageSettings Names => Get<CaseStorageSettings>();

    public StorageAccount Account => Get<StorageAccount>();

    public static async Task<NotificationWorld> StartAsync(Action<Dictionary<string, string?>>? tune = null, DateTimeOffset? start = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            ["CaseHandling:Storage:CasesTable"] = "Cases" + suffix,
            ["CaseHandling:Storage:IndexTable"] = "CaseIndex" + suffix,
            ["CaseHandling:Storage:GuardsTable"] = "Guards" + suffix,
            ["CaseHandling:Storage:NotificationsTable"] = "Notifications" + suffix,
            ["CaseHandling:Storage:OutboxQueue"] = "outbox-" + suffix,
            ["CaseHandling:Storage:IntakeQueue"] = "intake-" + suffix,
            ["CaseHandling:Storage:EscalationsQueue"] = "escalations-" + suffix,
            ["CaseHandling:Storage:NotificationsQueue"] = "notifications-" + suffix,
            ["Security:FieldEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security:PhoneHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Public:BaseUrl"] = "https://pakn.example.vn",
            ["Notifications:Zalo:AppId"] = AppId,
            ["Notifications:Zalo:OaSecretKey"] = OaSecretKey,
            ["Notifications:Zalo:FormUrl"] = "https://pakn.example.vn/file.html",
        };
        tune?.Invoke(settings);
        var clock = new ManualTimeProvider(start ?? Start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = new TestApp().OnAzurite("unused-" + suffix)
            .Disable(DispatchNotificationFunction.Name).Disable("ProcessDeliveryReport").Disable("HandleZaloEvent");
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        app.WithClock(clock).WithServices(services =>
        {
            services.AddCaseHandling(configuration);
        });
        var world = new NotificationWorld(app, clock, settings);
        await world.Get<CaseStorageInitializer>().EnsureCreatedAsync();
        await world.Account.GetQueueClient("zalo-events").CreateIfNotExistsAsync();
        return world;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A queue function's handler as the runtime resolves it.</summary>
    public T Function<T>()
        where T : notnull => _app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    internal static QueueTriggerMessage Message(string function, string text) =>
        new(function, text, Guid.NewGuid().ToString("N"), 1, null, new InvocationLog());

    public async Task<string> FileAsync(string kind = "complaint", string phone = "0912345678")
    {
        var result = await Get<FileCase.Handler>().HandleAsync(new FileCase.Command(
            kind, "qn-camtay", "Quyết định thu hồi đất", "Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.",
            new FileCase.PersonInput("Trần Văn Khiếu", phone, "Tổ 5, khu 3, phường Cẩm Tây"),
            kind == "denunciation" ? null : new FileCase.ConcerningInput("qn-camtay", "Chủ tịch UBND phường", "staff", "12/QĐ-UBND", "2026-02-20"),
            "web", ClientAddress: "203.0.113.7"));
        Assert.True(result.Succeeded, result.Problem?.ToString());
        var id = result.Value!.TrackingCode;
        await Get<RelayOutbox.Handler>().HandleAsync(new RelayOutbox.Command(id));
        return id;
    }

    /// <summary>Takes every message waiting on the case-handling notifications queue (their texts).</summary>
    public async Task<List<string>> TakeNotificationMessagesAsync()
    {
        var queue = Account.GetQueueClient(Names.NotificationsQueue);
        var texts = new List<string>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (batch.Length == 0)
            {
                return texts;
            }

            foreach (var m in batch)
            {
                texts.Add(m.Body.ToString());
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }
    }

    public static string NotificationIdOf(string text) => JsonDocument.Parse(text).RootElement.GetProperty("notificationId").GetString()!;

    public async Task<List<TableEntity>> RowsAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Account.GetTableClient(table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task<List<JsonElement>> OutboxAsync()
    {
        using var client = _app.CreateClient();
        var json = await client.GetStringAsync(new Uri("/dev/outbox", UriKind.Relative));
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
