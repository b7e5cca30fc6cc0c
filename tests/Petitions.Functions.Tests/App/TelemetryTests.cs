using System.Diagnostics;
using Petitions.Functions.App;

namespace Petitions.Functions.Tests.App;

public sealed class TelemetryTests
{
    [Theory]
    [InlineData("ClientId=1234;Authorization=AAD", "1234")]
    [InlineData("Authorization=AAD;ClientId=abcd", "abcd")]
    [InlineData("ClientId=1234", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_managed_identity_is_used_only_when_the_authentication_string_asks_for_Entra_ID(string? text, string? clientId) =>
        Assert.Equal(clientId, Telemetry.ClientIdOf(text));

    [Fact]
    public void Query_strings_are_cut_from_url_attributes_so_a_phone_never_leaves_in_a_trace()
    {
        using var activity = new Activity("GET /api/cases/{trackingCode}");
        activity.SetTag("url.full", "https://pakn.example.vn/api/cases/HS-1?phone=0912345678");
        activity.SetTag("url.query", "phone=0912345678");
        activity.SetTag("http.target", "/api/cases/HS-1?phone=0912345678");

        new Telemetry.QueryStringRedaction().OnEnd(activity);

        Assert.Equal("https://pakn.example.vn/api/cases/HS-1", activity.GetTagItem("url.full"));
        Assert.Equal("/api/cases/HS-1", activity.GetTagItem("http.target"));
        Assert.Null(activity.GetTagItem("url.query"));
        Assert.DoesNotContain(activity.TagObjects, t => t.Value is string v && v.Contains("0912345678", StringComparison.Ordinal));
    }
}
