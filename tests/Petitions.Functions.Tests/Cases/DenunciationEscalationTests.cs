using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;
using static Petitions.Functions.Tests.Cases.EscalationWalk;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// The denunciation override of the ladder (escalation-ladder.data.json, denunciation/preliminary: reminder at T−3,
/// head at T−2, supervisor at T−1, overdue at T) through the app, and no apology SMS to a denouncer (identity
/// protected, Luật Tố cáo 2018, art. 47).
/// </summary>
public sealed class DenunciationEscalationTests : IAsyncLifetime
{
    private const string Phone = "0987654321";

    private static readonly string[] Ladder = ["reminder", "unit-head", "supervisor", "overdue"];

    private readonly CaseApp _app = new(ownHost: true);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task Denunciation_preliminary_check_reminds_at_T_minus_3_and_sends_the_denouncer_no_apology_at_overdue()
    {
        var code = await FileDenunciationAsync();
        await _app.SignInAsync("qn-camtay-head");
        var (step, due) = FirstDue(await _app.AssignedAsync(code));
        Assert.Equal("preliminary", step);

        // T−4: the default ladder would have reminded at T−5; the denunciation override has not yet.
        await _app.SettleAsync(NineAm(Shift(due, -4)));
        Assert.Empty(Fired(await _app.JsonAsync($"/api/staff/cases/{code}")));

        await _app.SetClockAsync(NineAm(Shift(due, -3)));
        await _app.EscalatedAsync(code, [$"{step}/reminder"]);

        var late = Shift(due, 1);
        await _app.SettleAsync(NineAm(late));
        var detail = await _app.EscalatedAsync(code, [.. Ladder.Select(r => $"{step}/{r}")]);
        Assert.Equal("denunciation", detail["kind"]!.GetValue<string>());

        // The overdue rung's requests are recorded (head, supervising level); none of them is for the denouncer.
        var notes = PlainStorage.Account(_app.StorageConnectionString).GetTableClient(_app.Tables[3]);
        var requests = await Eventually.Until(
            () => RequestsAsync(notes, code),
            rows => rows.Any(r => r.GetString("Template") == "escalation.overdue"),
            TimeSpan.FromSeconds(60),
            $"overdue notifications of {code}");
        await _app.SettleAsync(NineAm(late));
        requests = await RequestsAsync(notes, code);
        Assert.DoesNotContain(requests, r => r.GetString("Template") == "case.apology");
        Assert.DoesNotContain(requests, r => r.GetString("Template")!.StartsWith("escalation.", StringComparison.Ordinal) && r.GetString("Audience") == "Citizen");
        Assert.Empty(Apologies(await _app.OutboxAsync(), code));
    }

    private async Task<string> FileDenunciationAsync()
    {
        using var response = await _app.PostAsync("/api/cases", new
        {
            kind = "denunciation",
            unitId = "qn-camtay",
            title = "Tố cáo hành vi nhận hối lộ",
            content = "Cán bộ địa chính phường nhận tiền để cấp giấy chứng nhận.",
            citizen = new { name = "Trần Thị Bích Ngọc", phone = Phone, address = "Phường Cẩm Tây" },
            channel = "web",
        }, csrf: false);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
    }

    private static async Task<List<TableEntity>> RequestsAsync(TableClient notes, string code)
    {
        var rows = new List<TableEntity>();
        foreach (var row in await notes.AllRowsAsync())
        {
            if (row.GetString("CaseId") == code)
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
