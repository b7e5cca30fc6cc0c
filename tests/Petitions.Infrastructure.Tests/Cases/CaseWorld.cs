using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Petitions.Core.Cases;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.Core.UseCases.Staff;
using Petitions.Infrastructure.Cases;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Cases;

/// <summary>
/// Case handling wired by AddCaseHandling on the private Azurite, with its own tables and queues and a manual
/// clock. <see cref="PumpAsync"/> plays the queue functions: it takes messages off the case queues and calls the
/// handlers, until the queues are empty.
/// </summary>
internal sealed class CaseWorld : IAsyncDisposable
{
    // Monday 2 March 2026, 09:00 in Vietnam.
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly ServiceProvider _provider;

    private CaseWorld(ServiceProvider provider, ManualTimeProvider clock, CaseStorageSettings names)
    {
        _provider = provider;
        Clock = clock;
        Names = names;
    }

    public ManualTimeProvider Clock { get; }

    public CaseStorageSettings Names { get; }

    /// <summary>The flat queue settings the triggers and senders share.</summary>
    public Petitions.Infrastructure.Configuration.TriggerSettings QueueNames => _provider.GetRequiredService<Petitions.Infrastructure.Configuration.TriggerSettings>();

    /// <summary>The app's queues, as a queue trigger reads them (the SDK, Base64).</summary>
    public Azure.Storage.Queues.QueueServiceClient Queues => _provider.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>();

    public OrganisationChart Chart => _provider.GetRequiredService<OrganisationChart>();

    public static Dictionary<string, string?> Settings(string suffix) => new()
    {
        ["CaseHandling:Storage:CasesTable"] = "Cases" + suffix,
        ["CaseHandling:Storage:IndexTable"] = "CaseIndex" + suffix,
        ["CaseHandling:Storage:GuardsTable"] = "IntakeGuards" + suffix,
        ["CaseHandling:Storage:NotificationsTable"] = "Notifications" + suffix,
        ["OutboxQueueName"] = "case-outbox-" + suffix,
        ["IntakeQueueName"] = "case-intake-" + suffix,
        ["EscalationsQueueName"] = "escalations-" + suffix,
        ["NotificationsQueueName"] = "notifications-" + suffix,
        ["DeliveryReportsQueueName"] = "delivery-reports-" + suffix,
        ["ZaloEventsQueueName"] = "zalo-events-" + suffix,
        ["EscalationSweepSchedule"] = "0 */5 * * * *",
        ["ReceptionRemindersSchedule"] = "0 */15 * * * *",
        ["Security:FieldEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Security:PhoneHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    public static async Task<CaseWorld> StartAsync(Action<Dictionary<string, string?>>? tune = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var settings = Settings(suffix);
        settings["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString;
        tune?.Invoke(settings);
        var clock = new ManualTimeProvider(Start);
        var services = new ServiceCollection();

        // The SDK signs with the system clock (Azurite checks request dates); the application reads the manual one.
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCaseHandling(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<CaseStorageInitializer>().EnsureCreatedAsync();
        return new CaseWorld(provider, clock, provider.GetRequiredService<CaseStorageSettings>());
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>A plain SDK client on one of the app's tables: what the app wrote, read as any Azure tool reads it.</summary>
    public TableClient Table(string name) => Get<TableServiceClient>().GetTableClient(name);

    /// <summary>Plays the queue functions until the case queues are empty; returns the messages handled.</summary>
    public async Task<int> PumpAsync()
    {
        var handled = 0;
        for (var round = 0; round < 50; round++)
        {
            var n = await DrainAsync(QueueNames.OutboxQueueName, id => Get<RelayOutbox.Handler>().HandleAsync(new(id)))
                + await DrainAsync(QueueNames.IntakeQueueName, id => Get<ProcessCase.Handler>().HandleAsync(new(id)))
                + await DrainAsync(QueueNames.EscalationsQueueName, id => Get<FireEscalations.Handler>().HandleAsync(new(id)));
            if (n == 0)
            {
                return handled;
            }

            handled += n;
        }

        throw new InvalidOperationException("The queues did not settle.");
    }

    public async Task<string> FileAsync(
        string kind = "complaint", string unitId = "qn-camtay", string name = "Trần Văn Khiếu", string phone = "0912345678", string? key = null, string? concerning = "qn-camtay")
    {
        var result = await Get<FileCase.Handler>().HandleAsync(Letter(kind, unitId, name, phone, key, concerning));
        Assert.True(result.Succeeded, result.Problem?.ToString());
        return result.Value!.TrackingCode;
    }

    public static FileCase.Command Letter(
        string kind = "complaint", string unitId = "qn-camtay", string name = "Trần Văn Khiếu", string phone = "0912345678", string? key = null, string? concerning = "qn-camtay") =>
        new(kind, unitId, "Quyết định thu hồi đất", "Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.",
            new FileCase.PersonInput(name, phone, "Tổ 5, khu 3, phường Cẩm Tây"),
            concerning is null ? null : new FileCase.ConcerningInput(concerning, "Chủ tịch UBND phường", "staff", "12/QĐ-UBND", "2026-02-20"),
            "web", IdempotencyKey: key, ClientAddress: "203.0.113.7");

    public async Task<Case> CaseAsync(string id) => (await Get<ICaseStore>().FindAsync(id))!.Case;

    public async Task<IReadOnlyList<EscalationFired>> EscalationsAsync(string id) =>
        [.. (await Get<ICaseStore>().EventsAsync(id)).OfType<EscalationFired>()];

    public async Task<List<TableEntity>> RowsAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table(table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task<List<(string Template, string Audience, string? Recipient)>> NotificationsAsync(string caseId) =>
        [.. (await RowsAsync(Names.NotificationsTable))
            .Where(r => r.GetString("CaseId") == caseId)
            .Select(r => (r.GetString("Template")!, r.GetString("Audience")!, r.GetString("RecipientId")))];

    public async Task SweepAndPumpAsync()
    {
        await Get<SweepEscalations.Handler>().HandleAsync(new());
        await PumpAsync();
    }

    public static StaffPrincipal Staff(OrganisationChart chart, string staffId)
    {
        var s = chart.FindStaff(staffId)!;
        return new StaffPrincipal(s.Id, s.UnitId, s.Role);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in new[] { Names.CasesTable, Names.IndexTable, Names.GuardsTable, Names.NotificationsTable })
        {
            await Table(table).DeleteAsync();
        }

        foreach (var queue in QueueNames.AllQueues())
        {
            await Queues.GetQueueClient(queue).DeleteIfExistsAsync();
        }

        await _provider.DisposeAsync();
    }

    private async Task<int> DrainAsync<T>(string queueName, Func<string, Task<T>> handle)
    {
        var queue = Queues.GetQueueClient(queueName);
        var count = 0;
        while (true)
        {
            Azure.Storage.Queues.Models.QueueMessage[] messages = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
            if (messages.Length == 0)
            {
                return count;
            }

            foreach (var m in messages)
            {
                var id = JsonSerializer.Deserialize<CaseMessage>(m.Body.ToString(), JsonSerializerOptions.Web)!.CaseId;
                await handle(id);
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                count++;
            }
        }
    }
}
