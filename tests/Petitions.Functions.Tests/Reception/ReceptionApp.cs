using Petitions.Functions.Tests.Support;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reception;

/// <summary>
/// The real app under the local host on Azurite, its Development clock set to Monday 11 May 2026 10:00, with a test
/// reception schedule (capacity 10), case handling on its own tables, notification requests read from their table,
/// and staff signed in through the development login.
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
        _schedules = Path.Combine(Path.GetTempPath(), AzuriteServer.UniqueName("sched") + ".json");
        File.WriteAllText(_schedules, $$"""
            [
              { "id": "qn-camtay-test", "unitId": "qn-camtay", "headStaffId": "qn-camtay-head", "place": "{{LongPlace}}",
                "start": "06:30", "end": "09:50", "recurrence": "FREQ=WEEKLY;BYDAY=TH", "slotMinutes": 20, "capacity": 10,
                "holidayPolicy": "cancelWithNotice" }
            ]
            """);
        App = new TestApp()
            .Disable("ReceptionReminders")
            .With("Reception:SchedulesPath", _schedules)
            .With("Public:BaseUrl", "https://pakn.example.vn");
        Clock = new AppClockDriver(App);
        Requests = new NotificationRequestRows(App);
        App.AfterStart(() => Clock.SetAsync(Monday));
    }

    public AppClockDriver Clock { get; }

    public string BookingsTable => App.Settings["Reception__BookingsTable"];

    public TestApp App { get; }

    public NotificationRequestRows Requests { get; }

    public T Get<T>()
        where T : notnull => (T)(App.Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not registered."));

    public Task CreateCaseTablesAsync() => App.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        File.Delete(_schedules);
    }
}
