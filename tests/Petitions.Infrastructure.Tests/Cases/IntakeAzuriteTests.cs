using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Lookup;

namespace Petitions.Infrastructure.Tests.Cases;

public sealed class IntakeAzuriteTests
{
    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_result_and_files_one_case()
    {
        await using var world = await CaseWorld.StartAsync();
        var handler = world.Get<FileCase.Handler>();
        var first = await handler.HandleAsync(CaseWorld.Letter(key: "retry-1"));
        world.Clock.Advance(TimeSpan.FromMinutes(3));
        var retry = await handler.HandleAsync(CaseWorld.Letter(key: "retry-1"));

        Assert.False(first.Value!.Replayed);
        Assert.True(retry.Value!.Replayed);
        Assert.Equal(first.Value, retry.Value with { Replayed = false });
        Assert.Single(await world.RowsAsync(world.Names.CasesTable), r => r.RowKey == "case");
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_key_all_get_the_same_case()
    {
        await using var world = await CaseWorld.StartAsync();
        var handler = world.Get<FileCase.Handler>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => handler.HandleAsync(CaseWorld.Letter(key: "double-click"))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.Value!.TrackingCode).Distinct());
        Assert.Single(await world.RowsAsync(world.Names.CasesTable), r => r.RowKey == "case");
    }

    [Fact]
    public async Task The_same_key_for_a_different_letter_is_refused()
    {
        await using var world = await CaseWorld.StartAsync();
        var handler = world.Get<FileCase.Handler>();
        await handler.HandleAsync(CaseWorld.Letter(key: "k"));

        var other = await handler.HandleAsync(CaseWorld.Letter(key: "k", phone: "0987654321"));

        Assert.Equal("idempotencyKey.reused", Assert.Single(other.Problem!.Errors).Code);
    }

    [Fact]
    public async Task One_phone_flooding_the_intake_gets_429_with_the_time_left_in_the_window()
    {
        await using var world = await CaseWorld.StartAsync(s => s["CaseHandling:LettersPerPhone"] = "2");
        var handler = world.Get<FileCase.Handler>();
        await handler.HandleAsync(CaseWorld.Letter());
        await handler.HandleAsync(CaseWorld.Letter());

        var third = await handler.HandleAsync(CaseWorld.Letter());
        var otherPhone = await handler.HandleAsync(CaseWorld.Letter(phone: "0987654321"));

        Assert.Equal(ProblemKind.RateLimited, third.Problem!.Kind);
        Assert.InRange(third.Problem.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.True(otherPhone.Succeeded);
        world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await handler.HandleAsync(CaseWorld.Letter())).Succeeded);
    }

    [Fact]
    public async Task One_client_address_flooding_the_intake_gets_429()
    {
        await using var world = await CaseWorld.StartAsync(s => s["CaseHandling:LettersPerClient"] = "2");
        var handler = world.Get<FileCase.Handler>();
        await handler.HandleAsync(CaseWorld.Letter(phone: "0911000001"));
        await handler.HandleAsync(CaseWorld.Letter(phone: "0911000002"));

        var third = await handler.HandleAsync(CaseWorld.Letter(phone: "0911000003"));

        Assert.Equal(429, third.Problem!.Status);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_with_stable_codes_in_English_and_Vietnamese()
    {
        await using var world = await CaseWorld.StartAsync();
        var letter = CaseWorld.Letter() with
        {
            UnitId = "qn-nowhere",
            Title = "  ",
            Content = new string('x', FileCase.MaxContent + 1),
            Citizen = new FileCase.PersonInput("Lê\u0007Văn", "12345"),
        };

        var result = await world.Get<FileCase.Handler>().HandleAsync(letter);

        var codes = result.Problem!.Errors.Select(e => (e.Field, e.Code)).ToList();
        Assert.Contains(("unitId", "unitId.unknown"), codes);
        Assert.Contains(("title", "title.required"), codes);
        Assert.Contains(("content", "content.tooLong"), codes);
        Assert.Contains(("citizen.name", "text.controlCharacters"), codes);
        Assert.Contains(("citizen.phone", "phone.invalid"), codes);
        Assert.All(result.Problem.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.MessageVi)));
        Assert.Empty(await world.RowsAsync(world.Names.CasesTable));
    }

    [Fact]
    public async Task A_citizen_reads_their_case_with_their_phone_in_any_spelling_and_nobody_else_can()
    {
        await using var world = await CaseWorld.StartAsync();
        var mine = await world.FileAsync(phone: "0912 345 678");
        var theirs = await world.FileAsync(phone: "0987654321", name: "Phạm Thị Lan");
        await world.PumpAsync();
        var lookup = world.Get<LookupCase.Handler>();

        var view = await lookup.HandleAsync(new(mine.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal), "+84 912.345.678"));
        var wrongPhone = await lookup.HandleAsync(new(theirs, "0912345678"));
        var unknown = await lookup.HandleAsync(new("HS-0000-0000", "0912345678"));

        Assert.True(view.Succeeded);
        Assert.Equal("qn-camtay", view.Value!.Unit.Id);
        Assert.Equal(["received", "routed"], view.Value.Timeline.Select(t => t.Type));
        Assert.DoesNotContain(view.Value.Timeline, t => t.TextEn.Contains("officer", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new DateOnly(2026, 3, 12), Assert.Single(view.Value.DueDates).Due);
        Assert.Equal(wrongPhone.Problem, unknown.Problem);
        Assert.Equal(404, wrongPhone.Problem!.Status);
    }
}
