using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Staff;
using Petitions.Functions.Functions.Reception;
using Petitions.Functions.Runtime;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Cases;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reception;

/// <summary>
/// The real app in-process on Azurite, under a manual clock, with a test reception schedule (capacity 10), case handling
/// on its own tables, notification requests recorded, and staff signed in through the development login.
/// </summary>
internal sealed class ReceptionApp : IAsyncDisposable
{
    /// <summary>Monday 11 May 2026, 10:00 in Vietnam.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 5, 11, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Thursday's session of the test schedule.</summary>
    public const string ThursdaySession = "qn-camtay-test-20260514";

    public const string LongPlace =
        "Phòng tiếp công dân, Ủy ban nhân dân phường Cẩm Tây, số 1 đường Trần Phú; tầng 1, bên trái cổng chính (mang theo CCCD)";

    private readonly string _schedules;

    public ReceptionApp()
    {
        Clock = new ManualTimeProvider(Monday);
        _schedules = Path.Combine(Path.GetTempPath(), AzuriteServer.UniqueName("sched") + ".json");
        File.WriteAllText(_schedules, $$"""
            [
              { "id": "qn-camtay-test", "unitId": "qn-camtay", "headStaffId": "qn-camtay-head", "place": "{{LongPlace}}",
                "start": "06:30", "end": "09:50", "recurrence": "FREQ=WEEKLY;BYDAY=TH", "slotMinutes": 20, "capacity": 10,
                "holidayPolicy": "cancelWithNotice" }
            ]
            """);
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString,
            ["Security:FieldEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security:PhoneHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["CaseHandling:Storage:CasesTable"] = AzuriteServer.UniqueName("cases"),
            ["CaseHandling:Storage:IndexTable"] = AzuriteServer.UniqueName("index"),
            ["CaseHandling:Storage:GuardsTable"] = AzuriteServer.UniqueName("guards"),
            ["CaseHandling:Storage:NotificationsTable"] = AzuriteServer.UniqueName("notif"),
            ["CaseHandling:Storage:OutboxQueue"] = AzuriteServer.UniqueName("outbox"),
            ["CaseHandling:Storage:IntakeQueue"] = AzuriteServer.UniqueName("intake"),
            ["CaseHandling:Storage:EscalationsQueue"] = AzuriteServer.UniqueName("esc"),
            ["CaseHandling:Storage:NotificationsQueue"] = AzuriteServer.UniqueName("notq"),
            ["Reception:SchedulesPath"] = _schedules,
            ["Reception:BookingsTable"] = BookingsTable,
            ["Public:BaseUrl"] = "https://pakn.example.vn",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        App = new TestApp().OnAzurite(AzuriteServer.UniqueName("q")).Disable("TestTimer").Disable("ReceptionReminders").WithClock(Clock);
        foreach (var (key, value) in settings)
        {
            App.With(key, value);
        }

        App.WithServices(services =>
        {
            services.AddCaseHandling(configuration);
            services.Replace(ServiceDescriptor.Singleton<INotificationRequests>(Requests));
        });
    }

    public ManualTimeProvider Clock { get; }

    public string BookingsTable { get; } = AzuriteServer.UniqueName("rb");

    public TestApp App { get; }

    public RecordedRequests Requests { get; } = new();

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async Task CreateCaseTablesAsync() => await Get<CaseStorageInitializer>().EnsureCreatedAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        File.Delete(_schedules);
    }

    /// <summary>Notification requests, as the request store would receive them (repeats kept, to count them).</summary>
    internal sealed class RecordedRequests : INotificationRequests
    {
        public ConcurrentQueue<NotificationRequest> All { get; } = new();

        public Task RequestAsync(NotificationRequest request, CancellationToken cancellationToken = default)
        {
            All.Enqueue(request);
            return Task.CompletedTask;
        }
    }

}
