using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Petitions.Core.LegalClock;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// Staff actions through HTTP with ETags — accept (thụ lý), resolve, close — and what the citizen then sees in the
/// public lookup: each status change, and no member of staff.
/// </summary>
public sealed class StaffActionPathTests(CaseHost host) : IAsyncLifetime, IClassFixture<CaseHost>
{
    private const string Phone = "0912345678";

    private readonly CaseApp _app = new(host);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task Accept_resolve_close_with_ETags_shows_in_the_citizen_lookup_without_staff_names()
    {
        var code = await _app.FileAsync(phone: Phone);
        await _app.SignInAsync("qn-camtay-head");
        var assigned = await _app.AssignedAsync(code);
        var officer = assigned["officer"]!.AsObject();
        var head = assigned["responsibleHead"]!.AsObject();
        var etag = await ETagAsync(code);

        var accepted = await ActAsync(code, "classify", new { decision = "accept" }, etag);
        Assert.NotEqual(etag, accepted.ETag);
        Assert.Contains("accepted", Types(accepted.Detail));

        await _app.SignInAsync(officer["id"]!.GetValue<string>());
        var today = VietnamDate.Of(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var resolved = await ActAsync(code, "resolve", new { decisionNumber = "15/QĐ-UBND", decisionDate = today, summary = "Giữ nguyên quyết định thu hồi đất." }, accepted.ETag);
        Assert.Contains("resolved", Types(resolved.Detail));

        await _app.SignInAsync("qn-camtay-head");
        using (var stale = await _app.PostAsync($"/api/staff/cases/{code}/close", new { }, ifMatch: accepted.ETag))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var closed = await ActAsync(code, "close", new { }, resolved.ETag);
        Assert.Equal("closed", closed.Detail["status"]!.GetValue<string>());

        using var lookup = await _app.Client.PostAsJsonAsync(new Uri("/api/cases/lookup", UriKind.Relative), new { trackingCode = code, phone = Phone });
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        var body = await lookup.Content.ReadAsStringAsync();
        var view = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("closed", view["status"]!.GetValue<string>());
        var types = view["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["accepted", "resolved", "closed"], types.Where(t => t is "accepted" or "resolved" or "closed"));
        Assert.Contains(view["timeline"]!.AsArray(), e => e!["textEn"]!.GetValue<string>().Contains("15/QĐ-UBND", StringComparison.Ordinal));
        foreach (var staff in new[] { officer, head })
        {
            Assert.DoesNotContain(staff["name"]!.GetValue<string>(), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(staff["id"]!.GetValue<string>(), body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(view["timeline"]!.AsArray(), e => e!.AsObject().ContainsKey("actor"));
    }

    [Fact]
    public async Task A_decision_sent_after_resolving_stops_the_sending_clock_of_Dieu_32_through_HTTP()
    {
        var code = await _app.FileAsync(phone: Phone);
        await _app.SignInAsync("qn-camtay-head");
        var officer = (await _app.AssignedAsync(code))["officer"]!["id"]!.GetValue<string>();
        var accepted = await ActAsync(code, "classify", new { decision = "accept" }, await ETagAsync(code));
        await _app.SignInAsync(officer);
        var today = VietnamDate.Of(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var resolved = await ActAsync(code, "resolve", new { decisionNumber = "16/QĐ-UBND", decisionDate = today, summary = "Giữ nguyên." }, accepted.ETag);
        Assert.Equal("running", ClockStatus(resolved.Detail, "send-decision"));

        var sent = await ActAsync(code, "decision-sent", new { decisionDate = today }, resolved.ETag);

        Assert.Equal("stopped", ClockStatus(sent.Detail, "send-decision"));
        Assert.Equal("running", ClockStatus(sent.Detail, "decision-effective"));
    }

    [Fact]
    public async Task A_filing_obstacle_is_recorded_through_HTTP_and_a_date_not_written_yyyy_MM_dd_is_a_field_error()
    {
        var code = await _app.FileAsync(phone: Phone);
        await _app.SignInAsync("qn-camtay-head");
        var officer = (await _app.AssignedAsync(code))["officer"]!["id"]!.GetValue<string>();
        await _app.SignInAsync(officer);
        var etag = await ETagAsync(code);

        using (var bad = await _app.PostAsync($"/api/staff/cases/{code}/filing-obstacle", new { from = "01/02/2026", until = "2026-02-10", cause = "Ốm nằm viện" }, ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.Contains("from.invalid", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var recorded = await ActAsync(code, "filing-obstacle", new { from = "2026-02-01", until = "2026-02-10", cause = "Ốm nằm viện" }, etag);

        Assert.Contains("filingObstacle", Types(recorded.Detail));
        Assert.NotEqual(etag, recorded.ETag);
    }

    private static string? ClockStatus(JsonObject detail, string step) =>
        detail["clocks"]!.AsArray().FirstOrDefault(c => c!["step"]!.GetValue<string>() == step)?["status"]?.GetValue<string>();

    private async Task<string> ETagAsync(string code)
    {
        using var response = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private async Task<(JsonObject Detail, string ETag)> ActAsync(string code, string action, object body, string etag)
    {
        using var response = await _app.PostAsync($"/api/staff/cases/{code}/{action}", body, ifMatch: etag);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.ETag!.ToString());
    }

    private static List<string> Types(JsonObject detail) =>
        [.. detail["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];
}
