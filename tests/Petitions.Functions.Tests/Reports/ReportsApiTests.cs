using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Petitions.Core.LegalClock;
using Petitions.Functions.Tests.Cases;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Reports;

/// <summary>
/// Reports and ratings through HTTP on the real worker (Azurite, queue functions running): the satisfaction SMS on
/// resolution, a rating once (201), twice (409), with a wrong phone (404), the head told of a low score; the unit report
/// fed by the relay with its drill-down, CSV parsed back and XLSX read with the Open XML SDK; league and public pages'
/// data; access and errors as problem+json; the rebuild.
/// </summary>
public sealed class ReportsApiTests(CaseHost host) : IAsyncLifetime, IClassFixture<CaseHost>
{
    private const string Phone = "0912345678";
    private readonly CaseApp _app = new(host);

    private static string Month => VietnamDate.Of(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task A_resolved_case_is_rated_once_a_second_time_is_409_a_wrong_phone_404_and_a_low_score_tells_the_head()
    {
        var code = await _app.FileAsync(phone: Phone);
        using (var early = await RateAsync(code, Phone, 4))
        {
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "rating.notAnswered"), (early.StatusCode, await CodeAsync(early)));
        }

        await ResolveAsync(code);
        var satisfaction = await Eventually.Until(
            RequestsAsync,
            rows => rows.Any(r => r.CaseId == code && r.Template == "case.satisfaction"), TimeSpan.FromSeconds(60), "the satisfaction SMS requested");
        Assert.Equal(Core.Ports.NotificationAudience.Citizen, satisfaction.Single(r => r.CaseId == code && r.Template == "case.satisfaction").Audience);

        using (var wrongPhone = await RateAsync(code, "0987654321", 2))
        using (var unknown = await RateAsync("HS-0000-0000", Phone, 2))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongPhone.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", wrongPhone.Content.Headers.ContentType!.MediaType);
        }

        using (var bad = await RateAsync(code, Phone, 7))
        {
            Assert.Equal((HttpStatusCode.BadRequest, "validation"), (bad.StatusCode, await CodeAsync(bad)));
        }

        using (var first = await RateAsync(code, Phone, 2, "Chưa thỏa đáng"))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonObject>())!["score"]!.GetValue<int>());
        }

        using (var second = await RateAsync(code, Phone, 5))
        {
            Assert.Equal((HttpStatusCode.Conflict, "rating.already"), (second.StatusCode, await CodeAsync(second)));
        }

        var notices = await Eventually.Until(
            RequestsAsync,
            rows => rows.Any(r => r.CaseId == code && r.Template == "rating.low"), TimeSpan.FromSeconds(60), "the head told of the low rating");
        var notice = notices.Single(r => r.CaseId == code && r.Template == "rating.low");
        Assert.Equal((Core.Ports.NotificationAudience.Head, "qn-camtay-head", "2"), (notice.Audience, notice.RecipientId, notice.Data["score"]));
        Assert.DoesNotContain(notice.Data.Values, v => v.Contains("thỏa đáng", StringComparison.Ordinal));

        await _app.SignInAsync("qn-camtay-head");
        var detail = await _app.JsonAsync($"/api/staff/cases/{code}");
        Assert.Equal((2, "Chưa thỏa đáng"), (detail["rating"]!["score"]!.GetValue<int>(), detail["rating"]!["comment"]!.GetValue<string>()));
        Assert.Contains(detail["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "rated");
    }

    [Fact]
    public async Task The_unit_report_counts_a_resolution_drills_down_to_it_and_exports_the_same_figures_as_CSV_and_XLSX()
    {
        var code = await _app.FileAsync(phone: Phone);
        await ResolveAsync(code);
        await _app.SignInAsync("qn-camtay-head");
        var query = $"from={Month}&to={Month}&unitId=qn-camtay";

        var cases = await Eventually.Until(
            () => _app.JsonAsync($"/api/reports/units/cases?{query}&figure=resolvedOnTime"),
            c => c["items"]!.AsArray().Any(i => i!["trackingCode"]!.GetValue<string>() == code), TimeSpan.FromSeconds(60), "the resolution in the report");
        Assert.Equal(Month, cases["items"]!.AsArray().First(i => i!["trackingCode"]!.GetValue<string>() == code)!["month"]!.GetValue<string>());

        var report = await _app.JsonAsync($"/api/reports/units?{query}");
        var lines = report["lines"]!.AsArray().Select(l => l!.AsObject()).Where(l => l["kind"]!.GetValue<string>() == "complaint").ToList();
        var line = Assert.Single(lines);
        Assert.Equal(("Ủy ban nhân dân phường Cẩm Tây", "qn-camtay-head"), (line["unit"]!["unitName"]!.GetValue<string>(), line["unit"]!["headId"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(line["unit"]!["headName"]!.GetValue<string>()));
        var resolved = line["figures"]!["resolved"]!.GetValue<int>();
        var received = line["figures"]!["received"]!.GetValue<int>();
        Assert.True(resolved >= 1 && received >= resolved);
        Assert.Equal(resolved, line["figures"]!["resolvedOnTime"]!.GetValue<int>() + line["figures"]!["resolvedLate"]!.GetValue<int>());

        using var csvResponse = await _app.Client.GetAsync(new Uri($"/api/reports/units?{query}&kind=complaint&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".csv", csvResponse.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("\r\n", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        using (var csv = CsvReader.Create(bytes[3..], new CsvReaderOptions { HasHeader = true }))
        {
            Assert.True(csv.Read());
            Assert.Equal("Ủy ban nhân dân phường Cẩm Tây", csv.GetString("Đơn vị"));
            Assert.Equal((Month, resolved, received), (csv.GetString("Tháng"), int.Parse(csv.GetString("Đã giải quyết"), CultureInfo.InvariantCulture), int.Parse(csv.GetString("Tiếp nhận"), CultureInfo.InvariantCulture)));
            Assert.False(csv.Read());
        }

        using var xlsxResponse = await _app.Client.GetAsync(new Uri($"/api/reports/units?{query}&kind=complaint&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var sheet = ReadSheet(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var headings = sheet[0];
        var row = sheet[1];
        Assert.Equal(2, sheet.Count);
        Assert.Equal("Ủy ban nhân dân phường Cẩm Tây", row[headings.IndexOf("Đơn vị")]);
        Assert.Equal(resolved.ToString(CultureInfo.InvariantCulture), row[headings.IndexOf("Đã giải quyết")]);
        Assert.Equal(received.ToString(CultureInfo.InvariantCulture), row[headings.IndexOf("Tiếp nhận")]);
    }

    [Fact]
    public async Task League_and_public_performance_name_units_the_league_names_heads_and_the_public_data_has_no_person()
    {
        var code = await _app.FileAsync(phone: Phone);
        await ResolveAsync(code);
        await _app.SignInAsync("qn-halong-officer1");

        var league = await Eventually.Until(
            () => _app.JsonAsync($"/api/reports/league?month={Month}"),
            l => l["places"]!.AsArray().Any(p => p!["unit"]!["unitId"]!.GetValue<string>() == "qn-camtay" && p["resolved"]!.GetValue<int>() >= 1),
            TimeSpan.FromSeconds(60), "the unit ranked with its resolution");
        var places = league["places"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.Equal(Enumerable.Range(1, places.Count), places.Select(p => p["rank"]!.GetValue<int>()));
        var camtay = places.Single(p => p["unit"]!["unitId"]!.GetValue<string>() == "qn-camtay");
        Assert.Equal("qn-camtay-head", camtay["unit"]!["headId"]!.GetValue<string>());
        Assert.NotNull(camtay["onTimeRate"]);
        Assert.True(league["province"]!["resolved"]!.GetValue<int>() >= 1);

        using var anonymous = _app.Host.CreateClient();
        using var response = await anonymous.GetAsync(new Uri("/api/public/performance", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var performance = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(12, performance["province"]!["months"]!.AsArray().Count);
        Assert.Contains(performance["units"]!.AsArray(), u => u!["unitId"]!.GetValue<string>() == "qn-camtay");
        Assert.DoesNotContain("qn-camtay-head", text, StringComparison.Ordinal);
        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("thu hồi đất", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_refuse_a_unit_the_user_may_not_see_bad_months_and_anonymous_callers()
    {
        await _app.SignInAsync("qn-halong-head");

        using var forbidden = await _app.Client.GetAsync(new Uri($"/api/reports/units?from={Month}&to={Month}&unitId=qn-camtay", UriKind.Relative));
        using var badMonth = await _app.Client.GetAsync(new Uri("/api/reports/units?from=2026-13&to=2026-01", UriKind.Relative));
        using var badFigure = await _app.Client.GetAsync(new Uri($"/api/reports/units/cases?from={Month}&to={Month}&unitId=qn-halong&figure=names", UriKind.Relative));
        using var badLeague = await _app.Client.GetAsync(new Uri("/api/reports/league?month=last", UriKind.Relative));
        using var anonymous = _app.Host.CreateClient();
        using var signedOut = await anonymous.GetAsync(new Uri($"/api/reports/units?from={Month}&to={Month}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "validation"), (badMonth.StatusCode, await CodeAsync(badMonth)));
        Assert.Equal(HttpStatusCode.BadRequest, badFigure.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLeague.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_rebuild_projects_every_case_again_and_gives_the_same_report()
    {
        var code = await _app.FileAsync(phone: Phone);
        await ResolveAsync(code);
        await _app.SignInAsync("qn-camtay-head");
        var query = $"/api/reports/units?from={Month}&to={Month}&unitId=qn-camtay";
        var before = await Eventually.Until(
            () => _app.JsonAsync($"/api/reports/units/cases?from={Month}&to={Month}&unitId=qn-camtay&figure=resolved"),
            c => c["items"]!.AsArray().Any(i => i!["trackingCode"]!.GetValue<string>() == code), TimeSpan.FromSeconds(60), "the resolution in the report");
        var reportBefore = (await _app.JsonAsync(query))["units"]!.ToJsonString();

        using var rebuilt = await _app.PostAsync("/dev/reports/rebuild", new { });
        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        Assert.True((await rebuilt.Content.ReadFromJsonAsync<JsonObject>())!["cases"]!.GetValue<int>() >= 1);

        Assert.Equal(reportBefore, (await _app.JsonAsync(query))["units"]!.ToJsonString());
        Assert.Equal(before["items"]!.ToJsonString(), (await _app.JsonAsync($"/api/reports/units/cases?from={Month}&to={Month}&unitId=qn-camtay&figure=resolved"))["items"]!.ToJsonString());
    }

    /// <summary>Accepts the case as the head, then resolves it today as its officer (on time).</summary>
    private async Task ResolveAsync(string code)
    {
        await _app.SignInAsync("qn-camtay-head");
        var assigned = await _app.AssignedAsync(code);
        var accepted = await ActAsync(code, "classify", new { decision = "accept" }, await ETagAsync(code));
        await _app.SignInAsync(assigned["officer"]!["id"]!.GetValue<string>());
        var today = VietnamDate.Of(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ActAsync(code, "resolve", new { decisionNumber = "15/QĐ-UBND", decisionDate = today, summary = "Giữ nguyên quyết định." }, accepted);
    }

    private Task<HttpResponseMessage> RateAsync(string code, string phone, int score, string? comment = null) =>
        _app.Client.PostAsJsonAsync(new Uri($"/api/cases/{code}/rating", UriKind.Relative), new { phone, score, comment });

    private async Task<string> ETagAsync(string code)
    {
        using var response = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }

    private async Task<string> ActAsync(string code, string action, object body, string etag)
    {
        using var response = await _app.PostAsync($"/api/staff/cases/{code}/{action}", body, ifMatch: etag);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.ToString();
    }

    /// <summary>The notification requests the app recorded (rows "request" of its notifications table), read raw.</summary>
    private async Task<IReadOnlyList<Core.Ports.NotificationRequest>> RequestsAsync()
    {
        var table = new Azure.Data.Tables.TableClient(_app.StorageConnectionString, _app.Host.Settings["CaseHandling__Storage__NotificationsTable"]);
        var found = new List<Core.Ports.NotificationRequest>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(r => r.RowKey == "request"))
        {
            found.Add(new(
                row.PartitionKey, row.GetString("CaseId") ?? string.Empty, row.GetString("Template") ?? string.Empty,
                Enum.Parse<Core.Ports.NotificationAudience>(row.GetString("Audience") ?? "Citizen"), row.GetString("RecipientId"),
                System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Data") ?? "{}") ?? []));
        }

        return found;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())?["code"]?.GetValue<string>();

    /// <summary>The first sheet's rows as text, read with the Open XML SDK (an independent reader).</summary>
    private static List<List<string>> ReadSheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.First().Worksheet;
        var rows = new List<List<string>>();
        foreach (var r in sheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var c in r.Elements<Cell>())
            {
                var column = Column(c.CellReference?.Value ?? string.Empty);
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                var value = c.CellValue?.InnerText ?? c.InlineString?.InnerText ?? string.Empty;
                cells.Add(c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(value, CultureInfo.InvariantCulture)] : value);
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>The zero-based column of a cell reference such as "C7".</summary>
    private static int Column(string reference)
    {
        var column = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return column - 1;
    }
}
