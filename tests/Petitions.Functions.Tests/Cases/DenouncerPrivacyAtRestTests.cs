using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petitions.Functions.Tests.Support;
using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// Luật Tố cáo 2018, art. 47–48 (protecting the denouncer): after a denunciation filed through HTTP has been routed,
/// assigned and its receipt SMS sent, a raw read of every table of the emulator finds the denouncer's name and phone
/// nowhere in plaintext — not in keys, not in any property, not inside JSON, not behind base64.
/// </summary>
public sealed class DenouncerPrivacyAtRestTests(CaseHost host) : IAsyncLifetime, IClassFixture<CaseHost>
{
    private const string Name = "Trần Thị Bích Ngọc";
    private const string Phone = "0987654321";

    private static readonly string[] Needles =
    [
        Name, Name.Normalize(NormalizationForm.FormD), "Tran Thi Bich Ngoc", Phone, Phone[1..], "+84" + Phone[1..], "84" + Phone[1..],
    ];

    private readonly CaseApp _app = new(host);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task A_raw_read_of_every_table_shows_no_denouncer_name_or_phone_in_plaintext()
    {
        using var filed = await _app.PostAsync("/api/cases", Denunciation(), csrf: false);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var code = (await filed.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        await _app.SignInAsync("qn-camtay-head");
        await _app.AssignedAsync(code);
        await Eventually.Until(_app.OutboxAsync, o => o.Any(m => m["to"]!.GetValue<string>().EndsWith(Phone[1..], StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the receipt SMS to the denouncer");

        var account = PlainStorage.Account(_app.StorageConnectionString);
        var tables = new SortedSet<string>(_app.Tables, StringComparer.Ordinal);
        var listed = new List<string>();
        await foreach (var table in new Azure.Data.Tables.TableServiceClient(_app.StorageConnectionString).QueryAsync())
        {
            listed.Add(table.Name);
        }

        Assert.Contains(_app.Tables[0], listed);
        tables.UnionWith(listed);
        var leaks = new List<string>();
        var strings = 0;
        foreach (var table in tables)
        {
            await foreach (var entity in account.GetTableClient(table).QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                var values = new List<(string Property, object? Value)> { ("PartitionKey", entity.PartitionKey), ("RowKey", entity.RowKey) };
                values.AddRange(entity.Select(p => (p.Key, (object?)p.Value)));
                foreach (var (property, value) in values)
                {
                    foreach (var text in Texts(value))
                    {
                        strings++;
                        if (Needles.FirstOrDefault(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)) is { } needle)
                        {
                            leaks.Add($"{table}/{entity.PartitionKey}/{entity.RowKey}.{property} contains \"{needle}\"");
                        }
                    }
                }
            }
        }

        Assert.True(strings > 20, $"the tables hold the case ({strings} string values read)");
        Assert.Empty(leaks);
    }

    private static object Denunciation() => new
    {
        kind = "denunciation",
        unitId = "qn-camtay",
        title = "Tố cáo hành vi nhận hối lộ",
        content = "Cán bộ địa chính phường nhận tiền để cấp giấy chứng nhận.",
        citizen = new { name = Name, phone = Phone, address = "Phường Cẩm Tây" },
        channel = "web",
    };

    /// <summary>The value as text, and what it hides: JSON string leaves, base64 and bytes decoded as UTF-8.</summary>
    private static IEnumerable<string> Texts(object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case byte[] bytes:
                yield return Encoding.UTF8.GetString(bytes);
                yield break;
            case string s:
                yield return s;
                foreach (var decoded in Decoded(s))
                {
                    yield return decoded;
                }

                if (s.TrimStart().StartsWith('{') || s.TrimStart().StartsWith('['))
                {
                    foreach (var leaf in JsonLeaves(s))
                    {
                        yield return leaf;
                        foreach (var decoded in Decoded(leaf))
                        {
                            yield return decoded;
                        }
                    }
                }

                yield break;
            default:
                yield return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                yield break;
        }
    }

    private static IEnumerable<string> Decoded(string s)
    {
        var buffer = new byte[s.Length];
        if (s.Length >= 8 && Convert.TryFromBase64String(s, buffer, out var written))
        {
            yield return Encoding.UTF8.GetString(buffer, 0, written);
        }
    }

    private static List<string> JsonLeaves(string json)
    {
        var leaves = new List<string>();
        try
        {
            Walk(JsonNode.Parse(json));
        }
        catch (JsonException)
        {
            // Not JSON after all: the raw string was checked already.
        }

        return leaves;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o)
                    {
                        leaves.Add(key);
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
                case JsonValue v:
                    leaves.Add(v.TryGetValue<string>(out var text) ? text : v.ToJsonString());
                    break;
            }
        }
    }
}
