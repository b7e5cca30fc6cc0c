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
using Petitions.Functions.Functions.GetDevOutbox;
using Petitions.Infrastructure.Notifications.Sms;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Notifications;

/// <summary>
/// The app under the local host (Development) on the shared Azurite, with per-test table and queue names, and its
/// composition built in the test process on the same settings with a manual clock. The notification functions are
/// disabled in the host (<c>AzureWebJobs.&lt;Name&gt;.Disabled</c>): tests play them in the test process, so they decide
/// when (and how often) a message is delivered, and read what the sink recorded there.
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

    public PlainStorage.Storage Account => PlainStorage.Account(_app.Host.StorageConnectionString);

    /// <summary>The real name of a queue, by its app setting (e.g. <c>NotificationsQueueName</c>).</summary>
    public string Queue(string setting) => _app.Settings[setting];

    public static async Task<NotificationWorld> StartAsync(Action<Dictionary<string, string?>>? tune = null, DateTimeOffset? start = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Public:BaseUrl"] = "https://pakn.example.vn",
            ["Notifications:Zalo:AppId"] = AppId,
            ["Notifications:Zalo:OaSecretKey"] = OaSecretKey,
            ["Notifications:Zalo:FormUrl"] = "https://pakn.example.vn/file.html",
        };
        tune?.Invoke(settings);
        var clock = new ManualTimeProvider(start ?? Start);
        var app = new TestApp()
            .Disable(DispatchNotificationFunction.Name).Disable("ProcessDeliveryReport").Disable("HandleZaloEvent");
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        // The test-side composition reads the manual clock (the worker, whose notification triggers are off, keeps its own).
        app.WithServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var world = new NotificationWorld(app, clock, settings);
        await app.StartAsync();
        return world;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A function class as the worker activates it (constructor injection from the composition).</summary>
    public T Function<T>(params object[] parameters)
        where T : notnull => ActivatorUtilities.CreateInstance<T>(_app.Services.CreateScope().ServiceProvider, parameters);

    /// <summary>The app's own queue sender, remembering what went through it (queue, message, delay).</summary>
    public RecordingWorkSender RecordingSender() => new(Get<Petitions.Core.Ports.IWorkSender>());

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
        var queue = Account.GetQueueClient(Queue("NotificationsQueueName"));
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

    /// <summary>What the Development sink recorded for the functions the test played, in the shape of <c>GET /dev/outbox</c>.</summary>
    public Task<List<JsonElement>> OutboxAsync()
    {
        var items = Get<DevelopmentOutbox>().List()
            .Select(e => new GetDevOutboxEndpoint.OutboxItem(e.NotificationId, e.ToE164, e.Text, e.Tag, e.RecordedAt));
        var json = JsonSerializer.Serialize(items);
        return Task.FromResult<List<JsonElement>>([.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())]);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Forwards to the real sender (the message reaches Azurite) and keeps what was sent, so a test can assert on one message even while the worker adds others to the same queue.</summary>
internal sealed class RecordingWorkSender(Petitions.Core.Ports.IWorkSender inner) : Petitions.Core.Ports.IWorkSender
{
    public List<(string Queue, string Message, TimeSpan? Delay)> Sent { get; } = [];

    public async Task SendAsync(string queue, string message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        await inner.SendAsync(queue, message, delay, cancellationToken);
        Sent.Add((queue, message, delay));
    }
}
