using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Petitions.Functions.Tests.Cases;

/// <summary>Case handling through HTTP, on Azurite, with the queue functions running.</summary>
public sealed class CaseApiTests(CaseHost host) : IAsyncLifetime, IClassFixture<CaseHost>
{
    private readonly CaseApp _app = new(host);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task A_filed_complaint_is_routed_and_assigned_with_officer_and_head()
    {
        var code = await _app.FileAsync();
        await _app.SignInAsync("qn-camtay-head");

        var detail = await _app.AssignedAsync(code);

        Assert.Equal("qn-camtay", detail["unit"]!["id"]!.GetValue<string>());
        Assert.Equal("qn-camtay-head", detail["responsibleHead"]!["id"]!.GetValue<string>());
        Assert.StartsWith("qn-camtay-officer", detail["officer"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_Idempotency_Key_returns_the_same_tracking_code()
    {
        var first = await _app.FileAsync(idempotencyKey: "retry-1");
        var second = await _app.FileAsync(idempotencyKey: "retry-1");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_stale_ETag_gets_409_case_changed()
    {
        var code = await _app.FileAsync();
        await _app.SignInAsync("qn-camtay-head");
        await _app.AssignedAsync(code);

        using var response = await _app.PostAsync($"/api/staff/cases/{code}/mark-complex", new { reason = "Nhiều bên liên quan" }, ifMatch: "W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\"");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("case.changed", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_cannot_act_outside_their_unit()
    {
        var code = await _app.FileAsync();
        await _app.SignInAsync("qn-camtay-head");
        var detail = await _app.AssignedAsync(code);
        using var etagResponse = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}", UriKind.Relative));
        var etag = etagResponse.Headers.ETag!.ToString();
        Assert.NotNull(detail);
        await _app.SignInAsync("qn-halong-head");

        using var response = await _app.PostAsync($"/api/staff/cases/{code}/mark-complex", new { reason = "x" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_citizen_gets_the_same_404_for_a_wrong_phone_and_an_unknown_code()
    {
        var code = await _app.FileAsync(phone: "0912345678");

        using var own = await _app.Client.PostAsJsonAsync(new Uri("/api/cases/lookup", UriKind.Relative), new { trackingCode = code, phone = "0912345678" });
        using var wrongPhone = await _app.Client.PostAsJsonAsync(new Uri("/api/cases/lookup", UriKind.Relative), new { trackingCode = code, phone = "0987654321" });
        using var unknown = await _app.Client.PostAsJsonAsync(new Uri("/api/cases/lookup", UriKind.Relative), new { trackingCode = "HS-0000-0000", phone = "0912345678" });
        using var retired = await _app.Client.GetAsync(new Uri($"/api/cases/{code}?phone=0912345678", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("no-store", own.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, wrongPhone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, retired.StatusCode); // no route puts the phone in a URL any more
        Assert.Equal(await wrongPhone.Content.ReadFromJsonAsync<JsonObject>() is { } a ? a["code"]!.GetValue<string>() : null,
            await unknown.Content.ReadFromJsonAsync<JsonObject>() is { } b ? b["code"]!.GetValue<string>() : null);

        // personal data in no log line, the host's or the worker's, in any of the phone's written forms (and there are lines)
        Assert.NotEmpty(_app.Host.Logs);
        Assert.DoesNotContain(_app.Host.Logs, line => line.Message.Contains("912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_phone_is_a_400_with_the_field_error()
    {
        using var response = await _app.PostAsync("/api/cases", CaseApp.Letter("12345"), csrf: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["code"]!.GetValue<string>() == "phone.invalid");
    }
}
