using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Time;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reception;

/// <summary>
/// The app on a private Azurite with the SMS sink (read through /dev/outbox), a manual clock, and a test reception
/// schedule at qn-camtay on Thursdays (or none), shared by the reception SMS and offer tests.
/// </summary>
internal static class ReceptionSinkApp
{
    public static async Task<TestApp> StartAsync(AzuriteServer azurite, ManualTimeProvider clock, bool withSessions = true)
    {
        var schedules = Path.Combine(Path.GetTempPath(), AzuriteServer.UniqueName("sched") + ".json");
        await File.WriteAllTextAsync(schedules, withSessions ? """
            [
              { "id": "qn-camtay-test", "unitId": "qn-camtay", "headStaffId": "qn-camtay-head", "place": "Phong tiep cong dan",
                "start": "06:30", "end": "09:50", "recurrence": "FREQ=WEEKLY;BYDAY=TH", "slotMinutes": 20, "capacity": 10,
                "holidayPolicy": "cancelWithNotice" }
            ]
            """ : "[]");
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Reception:SchedulesPath"] = schedules,
            ["Public:BaseUrl"] = "https://pakn.example.vn",
            ["Notifications:Sms:Provider"] = "Sink",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = new TestApp().Disable("TestTimer").Disable("ReceptionReminders").WithClock(clock);
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        app.WithServices(services =>
        {
            services.AddCaseHandling(configuration);
        });
        await app.Services.GetRequiredService<CaseStorageInitializer>().EnsureCreatedAsync();
        return app;
    }
}
