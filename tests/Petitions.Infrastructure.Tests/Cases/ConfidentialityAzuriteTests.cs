using System.Text;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Infrastructure.Tests.Cases;

public sealed class ConfidentialityAzuriteTests
{
    private const string Name = "Nguyễn Thị Tố Giác";
    private const string Phone = "0987654321";

    [Fact] // Luật Tố cáo 2018, Điều 47: the denouncer's identity is protected
    public async Task A_raw_read_of_every_table_shows_no_denouncer_name_or_phone_in_plaintext_or_base64()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync("denunciation", name: Name, phone: Phone, key: "deny-1", concerning: null);
        await world.PumpAsync();
        world.Clock.SetUtcNow(CaseWorld.Start.AddDays(20));
        await world.SweepAndPumpAsync();

        string[] secrets = [Name, Phone, "+84987654321", "84987654321", "987654321", "Tố Giác"];
        var checkedValues = 0;
        foreach (var table in new[] { world.Names.CasesTable, world.Names.IndexTable, world.Names.NotificationsTable, world.Names.GuardsTable })
        {
            foreach (var row in await world.RowsAsync(table))
            {
                foreach (var text in new[] { row.PartitionKey, row.RowKey }.Concat(row.Select(p => p.Value).OfType<string>()))
                {
                    checkedValues++;
                    foreach (var secret in secrets)
                    {
                        Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
                        foreach (var decoded in Decodings(text))
                        {
                            Assert.DoesNotContain(secret, decoded, StringComparison.OrdinalIgnoreCase);
                        }
                    }
                }
            }
        }

        Assert.True(checkedValues > 20);
        Assert.NotNull((await world.CaseAsync(id)).OfficerId);
    }

    [Fact]
    public async Task Only_the_assigned_officer_and_the_responsible_head_see_the_denouncer()
    {
        await using var world = await CaseWorld.StartAsync();
        var id = await world.FileAsync("denunciation", name: Name, phone: Phone, concerning: null);
        await world.PumpAsync();
        var c = await world.CaseAsync(id);
        var other = c.OfficerId == "qn-camtay-officer1" ? "qn-camtay-officer2" : "qn-camtay-officer1";
        var detail = world.Get<GetCaseDetail.Handler>();

        var officer = (await detail.HandleAsync(new(CaseWorld.Staff(world.Chart, c.OfficerId!), id))).Value!;
        var head = (await detail.HandleAsync(new(CaseWorld.Staff(world.Chart, "qn-camtay-head"), id))).Value!;
        var colleague = (await detail.HandleAsync(new(CaseWorld.Staff(world.Chart, other), id))).Value!;
        var supervisor = (await detail.HandleAsync(new(CaseWorld.Staff(world.Chart, "qn-ttr-supervisor"), id))).Value!;

        Assert.Equal((Name, "+84987654321", false), (officer.Citizen.Name, officer.Citizen.Phone, officer.Citizen.Masked));
        Assert.Equal(Name, head.Citizen.Name);
        Assert.True(colleague.Citizen.Masked);
        Assert.Equal(StaffCaseViews.Mask, colleague.Citizen.Name);
        Assert.True(supervisor.Citizen.Masked);
        Assert.DoesNotContain(Phone[1..], supervisor.Citizen.Phone, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Decodings(string text)
    {
        var candidates = new List<string> { text };
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            candidates.Add(text[(dot + 1)..]);
        }

        foreach (var candidate in candidates)
        {
            var s = candidate.Replace('-', '+').Replace('_', '/');
            s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
            var buffer = new byte[s.Length];
            if (Convert.TryFromBase64String(s, buffer, out var written))
            {
                yield return Encoding.UTF8.GetString(buffer, 0, written);
                yield return Encoding.Latin1.GetString(buffer, 0, written);
            }
        }
    }
}
