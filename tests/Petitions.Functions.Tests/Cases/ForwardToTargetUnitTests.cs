using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Petitions.Core.LegalClock;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;
using static Petitions.Functions.Tests.Cases.EscalationWalk;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// Chuyển đơn through HTTP on Azurite (Luật Tố cáo 2018, Điều 24; Thông tư 05/2021/TT-TTCP, Điều 14): a ward forwards a
/// denunciation to a department, which receives it as a new letter in its own queue, assigned to one of its officers;
/// the denouncer follows it with the same tracking code, and stays hidden from staff not entitled to know them.
/// </summary>
public sealed class ForwardToTargetUnitTests : IAsyncLifetime
{
    private const string Name = "Trần Thị Bích Ngọc";
    private const string Phone = "0987654321";

    private readonly CaseApp _app = new(ownHost: true);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task A_forwarded_denunciation_lands_in_the_receiving_units_queue_once_and_the_denouncer_follows_it_with_the_same_code()
    {
        await _app.SignInAsync("qn-camtay-head");
        var filedOn = Shift(VietnamDate.Of(TimeProvider.System.GetUtcNow()), 1);
        await _app.SetClockAsync(NineAm(filedOn));
        string code;
        using (var filed = await _app.PostAsync("/api/cases", Denunciation(), csrf: false))
        {
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            code = (await filed.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        }

        var wardOfficer = (await _app.AssignedAsync(code))["officer"]!["id"]!.GetValue<string>();

        // Two working days later the ward's officer forwards it; a retry of the same request (same ETag) is refused.
        var forwardedOn = Shift(filedOn, 2);
        await _app.SetClockAsync(NineAm(forwardedOn));
        await _app.SignInAsync(wardOfficer);
        var etag = await ETagAsync(code);
        var body = new { decision = "forward", reason = "Cán bộ bị tố cáo thuộc Sở Nông nghiệp và Môi trường", targetUnitId = "qn-snnmt" };
        using (var forwarded = await _app.PostAsync($"/api/staff/cases/{code}/classify", body, ifMatch: etag))
        {
            Assert.True(forwarded.StatusCode == HttpStatusCode.OK, $"forward: {(int)forwarded.StatusCode} {await forwarded.Content.ReadAsStringAsync()}");
            Assert.Equal("forwarded", (await forwarded.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        }

        using (var retry = await _app.PostAsync($"/api/staff/cases/{code}/classify", body, ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        }

        // The department receives it as a newly received letter, its preliminary clock counted from the forward.
        await _app.SignInAsync("qn-snnmt-head");
        // Until then the case is the ward's, and the department's head may not read it (403).
        var received = (await Eventually.Until(
            () => DetailOrNullAsync(code),
            d => d is not null && d["unit"]!["id"]!.GetValue<string>() == "qn-snnmt" && d["officer"] is JsonObject,
            TimeSpan.FromSeconds(60),
            $"case {code} received by qn-snnmt"))!;
        Assert.Equal("received", received["status"]!.GetValue<string>());
        Assert.Equal("qn-snnmt-head", received["responsibleHead"]!["id"]!.GetValue<string>());
        var officer = received["officer"]!["id"]!.GetValue<string>();
        Assert.StartsWith("qn-snnmt-officer", officer, StringComparison.Ordinal);
        Assert.Equal(("preliminary", Shift(forwardedOn, 7)), Assert.Single(RunningClocks(received)));
        Assert.True(received["citizen"]!["masked"]!.GetValue<bool>() is false, "the responsible head sees the denouncer");
        await ListedAsync("unit", code);
        await _app.SignInAsync(officer);
        await ListedAsync("mine", code);

        // A redelivered intake message (a retry) does not receive it twice.
        var intake = PlainStorage.Account(_app.StorageConnectionString).GetQueueClient(_app.Queue("IntakeQueueName"));
        await intake.SendMessageAsync(CaseWriter.MessageFor(code));
        await Eventually.Until(() => intake.ApproximateCountAsync(), n => n == 0, TimeSpan.FromSeconds(60), "the intake queue drained");
        var detail = await _app.JsonAsync($"/api/staff/cases/{code}");
        Assert.Single(Types(detail), t => t == "forwardReceived");
        Assert.Equal(officer, detail["officer"]!["id"]!.GetValue<string>());

        // The denouncer: only the assigned officer and the responsible head see them; the ward no longer sees the case.
        Assert.Equal((Name, false), (detail["citizen"]!["name"]!.GetValue<string>(), detail["citizen"]!["masked"]!.GetValue<bool>()));
        await _app.SignInAsync(officer == "qn-snnmt-officer1" ? "qn-snnmt-officer2" : "qn-snnmt-officer1");
        var colleague = await _app.JsonAsync($"/api/staff/cases/{code}");
        Assert.True(colleague["citizen"]!["masked"]!.GetValue<bool>());
        Assert.DoesNotContain(Name, colleague.ToJsonString(), StringComparison.Ordinal);
        foreach (var ward in new[] { wardOfficer, "qn-camtay-head" })
        {
            await _app.SignInAsync(ward);
            using var refused = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The denouncer follows it with the same code: forwarded, then received there, then accepted.
        var beforeAccept = await LookupAsync(code);
        Assert.Equal("qn-snnmt", beforeAccept["unit"]!["id"]!.GetValue<string>());
        await _app.SignInAsync(officer);
        using (var accepted = await _app.PostAsync($"/api/staff/cases/{code}/classify", new { decision = "accept" }, ifMatch: await ETagAsync(code)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var view = await LookupAsync(code);
        Assert.Equal("assigned", view["status"]!.GetValue<string>());
        var timeline = view["timeline"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["forwarded", "forwardReceived", "accepted"], timeline.Select(e => e["type"]!.GetValue<string>()).Where(t => t is "forwarded" or "forwardReceived" or "accepted"));
        var receipt = timeline.Single(e => e["type"]!.GetValue<string>() == "forwardReceived");
        Assert.Contains(forwardedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), receipt["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(officer, view.ToJsonString(), StringComparison.Ordinal);

        // The SMS about the forward is the denunciation-safe one: the code and the link, no unit named.
        var sms = await Eventually.Until(
            _app.OutboxAsync,
            o => o.Any(m => m["text"]!.GetValue<string>().Contains("chuyen", StringComparison.Ordinal) && m["text"]!.GetValue<string>().Contains(code, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60),
            "the forward SMS to the denouncer");
        var text = sms.First(m => m["text"]!.GetValue<string>().Contains("chuyen", StringComparison.Ordinal))["text"]!.GetValue<string>();
        Assert.DoesNotContain("Nong nghiep", text, StringComparison.OrdinalIgnoreCase);
    }

    private static object Denunciation() => new
    {
        kind = "denunciation",
        unitId = "qn-camtay",
        title = "Tố cáo hành vi nhận hối lộ",
        content = "Cán bộ nhận tiền để cấp giấy chứng nhận.",
        citizen = new { name = Name, phone = Phone, address = "Phường Cẩm Tây" },
        channel = "web",
    };

    private static List<string> Types(JsonObject detail) =>
        [.. detail["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];

    private async Task<JsonObject> LookupAsync(string code)
    {
        using var lookup = await _app.Client.PostAsJsonAsync(new Uri("/api/cases/lookup", UriKind.Relative), new { trackingCode = code, phone = Phone });
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        return (await lookup.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject?> DetailOrNullAsync(string code)
    {
        using var response = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    private async Task<string> ETagAsync(string code)
    {
        using var response = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private Task<List<string>> ListedAsync(string view, string code) =>
        Eventually.Until(() => CodesAsync(view), codes => codes.Contains(code), TimeSpan.FromSeconds(60), $"view {view} lists {code}");

    private async Task<List<string>> CodesAsync(string view)
    {
        var page = await _app.JsonAsync($"/api/staff/cases?view={view}&pageSize=100");
        return [.. page["items"]!.AsArray().Select(i => i!["trackingCode"]!.GetValue<string>())];
    }
}
