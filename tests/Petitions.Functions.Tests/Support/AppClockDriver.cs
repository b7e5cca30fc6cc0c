using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Petitions.Functions.App;

namespace Petitions.Functions.Tests.Support;

/// <summary>
/// Moves the Development clock of a <see cref="TestApp"/> in both places it runs: the worker (<c>POST /dev/clock</c>,
/// which also sweeps escalations once) and the test-side composition (its <c>AppClock</c>). Both keep flowing from the
/// moment set, as the Development clock does.
/// </summary>
public sealed class AppClockDriver(TestApp app) : TimeProvider
{
    private AppClock Local => (AppClock)app.Services.GetRequiredService<TimeProvider>();

    public override DateTimeOffset GetUtcNow() => Local.GetUtcNow();

    public async Task SetAsync(DateTimeOffset now)
    {
        Local.Set(now);
        using var client = app.CreateBrowserClient();
        using (await client.GetAsync(new Uri("/", UriKind.Relative))) { }
        using var response = await client.PostAsJsonAsync(new Uri("/dev/clock", UriKind.Relative), new { now });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST /dev/clock: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Sets both clocks to <paramref name="now"/> (blocks until the worker's is set).</summary>
    public void SetUtcNow(DateTimeOffset now) => Task.Run(() => SetAsync(now)).GetAwaiter().GetResult();

    public void Advance(TimeSpan by) => SetUtcNow(GetUtcNow() + by);
}
