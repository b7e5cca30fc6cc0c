using Petitions.Functions.Tests.Support;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reception;

/// <summary>
/// The app under the local host with the SMS sink (read through /dev/outbox), its Development clock set to the time of
/// <paramref name="clock"/> at start, and a test reception schedule at qn-camtay on Thursdays (or none), shared by the
/// reception SMS and offer tests.
/// </summary>
internal static class ReceptionSinkApp
{
    public static async Task<TestApp> StartAsync(AzuriteServer azurite, TimeProvider clock, bool withSessions = true)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(clock);
        var schedules = Path.Combine(Path.GetTempPath(), AzuriteServer.UniqueName("sched") + ".json");
        await File.WriteAllTextAsync(schedules, withSessions ? """
            [
              { "id": "qn-camtay-test", "unitId": "qn-camtay", "headStaffId": "qn-camtay-head", "place": "Phong tiep cong dan",
                "start": "06:30", "end": "09:50", "recurrence": "FREQ=WEEKLY;BYDAY=TH", "slotMinutes": 20, "capacity": 10,
                "holidayPolicy": "cancelWithNotice" }
            ]
            """ : "[]");
        var app = new TestApp()
            .Disable("ReceptionReminders")
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Reception:SchedulesPath", schedules)
            .With("Public:BaseUrl", "https://pakn.example.vn")
            .With("Notifications:Sms:Provider", "Sink");
        var start = clock.GetUtcNow();
        app.AfterStart(() => new AppClockDriver(app).SetAsync(start));
        await app.StartAsync();
        return app;
    }
}
