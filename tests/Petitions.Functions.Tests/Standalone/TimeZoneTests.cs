using Microsoft.Extensions.Configuration;
using Petitions.Functions.Runtime.Standalone;

namespace Petitions.Functions.Tests.Standalone;

public class TimeZoneTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Schedules_are_utc_when_no_zone_is_configured() =>
        Assert.Equal(TimeZoneInfo.Utc, StandaloneTriggers.ResolveZone(new TimerOptions(), Settings()));

    [Fact]
    public void WEBSITE_TIME_ZONE_wins_over_Timers_TimeZone()
    {
        var zone = StandaloneTriggers.ResolveZone(new TimerOptions { TimeZone = "Europe/Paris" }, Settings(("WEBSITE_TIME_ZONE", "Asia/Ho_Chi_Minh")));

        Assert.Equal(TimeSpan.FromHours(7), zone.BaseUtcOffset);
    }

    [Fact]
    public void An_unknown_zone_stops_start_up_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            StandaloneTriggers.ResolveZone(new TimerOptions { TimeZone = "Mars/Olympus" }, Settings()));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }
}
