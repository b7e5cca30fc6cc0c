using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;
using Petitions.Core.Time;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Processing;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reception;

/// <summary>
/// Issue 9: the offer SMS of an escalated case carries the short booking link <c>/r/{code}</c>, which redirects to the
/// booking form at the responsible head's next session, and reveals nothing for an unknown code. The app runs
/// in-process on a private Azurite with a test schedule (Thursdays at qn-camtay).
/// </summary>
public sealed class ReceptionOfferTests
{
    [Fact]
    public async Task The_short_offer_link_of_a_filed_case_redirects_to_the_booking_form_at_the_heads_next_session()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var client = app.CreateClient(allowAutoRedirect: false);
        var caseId = await FileCaseAsync(app);

        using var response = await client.GetAsync(new Uri($"/r/{caseId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            $"/reception.html?unit=qn-camtay&session={ReceptionApp.ThursdaySession}&code={caseId}",
            response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Without_a_session_ahead_the_offer_link_opens_the_units_booking_page()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock, withSessions: false);
        using var client = app.CreateClient(allowAutoRedirect: false);
        var caseId = await FileCaseAsync(app);

        using var response = await client.GetAsync(new Uri($"/r/{caseId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reception.html?unit=qn-camtay", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_supervisor_rung_sends_the_citizen_one_offer_sms_with_the_short_link_to_the_next_session()
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var client = app.CreateClient();
        var caseId = await FileCaseAsync(app);
        var stored = await app.Services.GetRequiredService<ICaseStore>().FindAsync(caseId);
        var due = stored!.Case.RunningClocks.Min(c => c.Due);
        // The supervisor rung fires one working day before the due date (escalation-ladder.data.json).
        var supervisorDay = Cases.EscalationWalk.Shift(due, -1);
        app.Clock.SetUtcNow(Cases.EscalationWalk.NineAm(supervisorDay));

        var fired = await app.Services.GetRequiredService<FireEscalations.Handler>().HandleAsync(new FireEscalations.Command(caseId));
        Assert.Contains(fired.Fired, f => f.EndsWith("/supervisor", StringComparison.Ordinal));
        await app.Services.GetRequiredService<RelayOutbox.Handler>().HandleAsync(new RelayOutbox.Command(caseId));

        var entries = await Eventually.Until(
            () =>
            {
                return OutboxAsync(client);
            },
            list => list.Any(e => e.GetProperty("tag").GetString() == "reception-offer"),
            TimeSpan.FromSeconds(30),
            "the offer in the SMS sink");
        var offer = Assert.Single(entries, e => e.GetProperty("tag").GetString() == "reception-offer");
        Assert.Equal("+84987654321", offer.GetProperty("to").GetString());
        var text = offer.GetProperty("text").GetString()!;
        Assert.EndsWith($"Dat cho: https://pakn.example.vn/r/{caseId}", text, StringComparison.Ordinal);
        Assert.True(text.Length <= SmsSegments.Gsm7Single, text);
        Assert.True(Gsm7Alphabet.CanEncode(text), text);
        // The session named is the first Thursday after the supervisor day's 09:00 (sessions start at 06:30).
        var session = supervisorDay.AddDays(1);
        while (session.DayOfWeek != DayOfWeek.Thursday)
        {
            session = session.AddDays(1);
        }

        Assert.Contains($"tai buoi tiep cong dan {session:dd/MM/yyyy}.", text, StringComparison.Ordinal);

        // Firing again at the same moment is a redelivery: no second offer.
        var again = await app.Services.GetRequiredService<FireEscalations.Handler>().HandleAsync(new FireEscalations.Command(caseId));
        Assert.Empty(again.Fired);
        await app.Services.GetRequiredService<RelayOutbox.Handler>().HandleAsync(new RelayOutbox.Command(caseId));
        Assert.Single(await OutboxAsync(client), e => e.GetProperty("tag").GetString() == "reception-offer");
    }

    [Theory]
    [InlineData("KN-ZZZZZZ")]
    [InlineData("not%20a%20code")]
    public async Task An_unknown_code_gets_the_bare_booking_page(string code)
    {
        using var azurite = AzuriteServer.StartPrivate();
        var clock = new ManualTimeProvider(ReceptionApp.Monday);
        await using var app = await ReceptionSinkApp.StartAsync(azurite, clock);
        using var client = app.CreateClient(allowAutoRedirect: false);

        using var response = await client.GetAsync(new Uri($"/r/{code}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reception.html", response.Headers.Location!.OriginalString);
    }

    private static async Task<string> FileCaseAsync(TestApp app)
    {
        var result = await app.Services.GetRequiredService<FileCase.Handler>().HandleAsync(new FileCase.Command(
            "complaint", "qn-camtay", "Quyết định thu hồi đất", "Tôi không đồng ý với quyết định thu hồi đất số 12/QĐ-UBND.",
            new FileCase.PersonInput("Trần Văn Khiếu", "0987654321", "Tổ 5, khu 3, phường Cẩm Tây"),
            new FileCase.ConcerningInput("qn-camtay", "Chủ tịch UBND phường", "staff", "12/QĐ-UBND", "2026-05-04"),
            "web", ClientAddress: "203.0.113.7"));
        Assert.True(result.Succeeded, result.Problem?.ToString());
        var id = result.Value!.TrackingCode;
        await app.Services.GetRequiredService<RelayOutbox.Handler>().HandleAsync(new RelayOutbox.Command(id));
        return id;
    }

    private static async Task<List<JsonElement>> OutboxAsync(HttpClient client)
    {
        var json = await client.GetStringAsync(new Uri("/dev/outbox", UriKind.Relative));
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
