using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Petitions.TestKit;
using static Petitions.Functions.Tests.Cases.EscalationWalk;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// The head's desk (GET /api/staff/desk, POST /api/staff/desk/reassign) and the watch from above (GET /api/staff/watch,
/// reading and instructing an at-risk case of a ward) on the real worker (docs/access.md).
/// </summary>
public sealed class DeskAndWatchHttpTests : IAsyncLifetime
{
    private readonly CaseApp _app = new(ownHost: true);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task The_chairman_and_the_chief_inspector_open_a_wards_case_the_day_before_it_is_due_and_not_before()
    {
        var code = await _app.FileAsync(phone: "0912000101");
        await _app.SignInAsync("qn-camtay-head");
        var detail = await _app.AssignedAsync(code);
        var officer = detail["officer"]!["id"]!.GetValue<string>();
        var (_, due) = FirstDue(detail);

        // A quiet case: the levels above do not see it; the supervisor role keeps reading every case it supervises.
        foreach (var head in new[] { "qn-head", "qn-ttr-head" })
        {
            await _app.SignInAsync(head);
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync($"/api/staff/cases/{code}"));
            Assert.DoesNotContain(code, Codes(await _app.JsonAsync("/api/staff/watch")));
        }

        await _app.SignInAsync("qn-ttr-supervisor");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/api/staff/cases/{code}"));

        // The last working day before the due date: at risk.
        await _app.SettleAsync(NineAm(Shift(due, -1)));
        await _app.SignInAsync("qn-ttr-head");
        var watched = await _app.JsonAsync($"/api/staff/cases/{code}");
        Assert.Equal("watch", watched["access"]!.GetValue<string>());
        Assert.True(watched["citizen"]!["masked"]!.GetValue<bool>());
        Assert.DoesNotContain("0912000101", watched.ToJsonString(), StringComparison.Ordinal);
        var watch = await _app.JsonAsync("/api/staff/watch");
        Assert.Contains(code, Codes(watch));
        Assert.Contains(watch["units"]!.AsArray(), u => u!["unitId"]!.GetValue<string>() == "qn-camtay" && u["atRisk"]!.GetValue<int>() >= 1);

        await _app.SignInAsync("qn-halong-head");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync($"/api/staff/cases/{code}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/api/staff/watch"));

        // The chairman reads it, may only instruct, and the instruction is on the timeline and in two inboxes.
        await _app.SignInAsync("qn-head");
        var seen = await _app.JsonAsync($"/api/staff/cases/{code}");
        var actions = seen["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.All(actions.Where(a => a["action"]!.GetValue<string>() != "instruct"), a => Assert.Equal("readOnly", a["why"]!.GetValue<string>()));
        Assert.True(actions.Single(a => a["action"]!.GetValue<string>() == "instruct")["allowed"]!.GetValue<bool>());
        using (var refused = await _app.PostAsync($"/api/staff/cases/{code}/resolve", new { decisionNumber = "1/QĐ", decisionDate = "2026-01-01", summary = "x" }, seen["eTag"]!.GetValue<string>()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var given = await _app.PostAsync($"/api/staff/cases/{code}/instruct", new { text = "Đề nghị phường trả lời công dân trước hạn." }, seen["eTag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var after = (await given.Content.ReadFromJsonAsync<JsonObject>())!;
        var instruction = after["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "instruction")!;
        Assert.Equal(("qn-head", "qn"), (instruction["actor"]!.GetValue<string>(), instruction["values"]!["fromUnit"]!.GetValue<string>()));
        using (var stale = await _app.PostAsync($"/api/staff/cases/{code}/instruct", new { text = "Lần hai" }, seen["eTag"]!.GetValue<string>()))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var inbox = new TableClient(_app.StorageConnectionString, _app.Host.Settings["CaseHandling__Storage__NotificationsTable"]);
        foreach (var recipient in new[] { officer, "qn-camtay-head" })
        {
            await Eventually.Until(
                async () => await inbox.QueryAsync<TableEntity>(r => r.PartitionKey == "staff-" + recipient).ToListAsync(),
                rows => rows.Any(r => r.GetString("Template") == "case.instruction" && r.GetString("CaseId") == code),
                TimeSpan.FromSeconds(60),
                $"the instruction reaches {recipient}'s inbox");
        }
    }

    [Fact]
    public async Task The_head_sees_every_open_case_of_the_ward_filters_them_and_reassigns_several_each_with_its_own_ETag()
    {
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add(await _app.FileAsync(phone: $"091200020{i}"));
        }

        await _app.SignInAsync("qn-camtay-head");
        var details = new List<JsonObject>();
        foreach (var code in codes)
        {
            details.Add(await _app.AssignedAsync(code));
        }

        var desk = await Eventually.Until(
            () => _app.JsonAsync("/api/staff/desk?pageSize=100"),
            d => codes.All(c => d["items"]!.AsArray().Any(i => i!["trackingCode"]!.GetValue<string>() == c && i["officerName"] is JsonValue)),
            TimeSpan.FromSeconds(60), "the desk lists the three cases with their officers (the index is kept by the relay)");
        Assert.Equal(
            desk["workload"]!.AsArray().Sum(w => w!["open"]!.GetValue<int>()),
            desk["items"]!.AsArray().Count(i => i!["officerId"] is not null));
        var first = details[0]["officer"]!["id"]!.GetValue<string>();
        var byOfficer = await _app.JsonAsync($"/api/staff/desk?officer={first}&pageSize=100");
        Assert.All(byOfficer["items"]!.AsArray(), i => Assert.Equal(first, i!["officerId"]!.GetValue<string>()));
        var paged = await _app.JsonAsync("/api/staff/desk?pageSize=1&page=2&sort=-due");
        Assert.Single(paged["items"]!.AsArray());
        Assert.Equal(desk["total"]!.GetValue<int>(), paged["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync("/api/staff/desk?clock=late"));

        // Reassign all three to officer2; the third with a stale ETag is left as it is.
        var target = "qn-camtay-officer2";
        var body = new
        {
            officerId = target,
            cases = new[]
            {
                new { trackingCode = codes[0], etag = details[0]["eTag"]!.GetValue<string>() },
                new { trackingCode = codes[1], etag = details[1]["eTag"]!.GetValue<string>() },
                new { trackingCode = codes[2], etag = "W/\"stale\"" },
            },
        };
        using var response = await _app.PostAsync("/api/staff/desk/reassign", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = (await response.Content.ReadFromJsonAsync<JsonObject>())!["cases"]!.AsArray().ToDictionary(o => o!["trackingCode"]!.GetValue<string>(), o => o!["result"]!.GetValue<string>());
        Assert.Equal("changed", outcomes[codes[2]]);
        for (var i = 0; i < 2; i++)
        {
            var was = details[i]["officer"]!["id"]!.GetValue<string>();
            Assert.Equal(was == target ? "notAllowed" : "reassigned", outcomes[codes[i]]); // the same officer again is refused by the aggregate
            var now = await _app.JsonAsync($"/api/staff/cases/{codes[i]}");
            Assert.Equal(target, now["officer"]!["id"]!.GetValue<string>());
            Assert.Equal(was == target ? 0 : 1, now["timeline"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "assigned"));
        }

        // Without CSRF the request is refused before anything else; an officer has no desk.
        using (var forged = await _app.PostAsync("/api/staff/desk/reassign", body, csrf: false))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        await _app.SignInAsync("qn-camtay-officer1");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync("/api/staff/desk"));

        // The deputy responsible for land and construction sees officer1's cases only.
        await _app.SignInAsync("qn-camtay-deputy");
        var deputy = await _app.JsonAsync("/api/staff/desk?pageSize=100");
        Assert.All(deputy["items"]!.AsArray(), i => Assert.NotEqual("qn-camtay-officer2", i!["officerId"]?.GetValue<string>()));
        Assert.Equal(["land", "construction"], deputy["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await _app.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static List<string> Codes(JsonObject list) =>
        [.. list["items"]!.AsArray().Select(i => i!["trackingCode"]!.GetValue<string>())];
}
