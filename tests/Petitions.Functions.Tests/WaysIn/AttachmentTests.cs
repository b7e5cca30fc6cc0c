using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Petitions.Functions.Tests.Cases;

namespace Petitions.Functions.Tests.WaysIn;

/// <summary>
/// Files attached to letters, on the real worker and Azurite's blob service: recognised by their content, limited in
/// size and number, photos stored without their location, a private container read only through the app, and a
/// refused file leaving neither a case nor a blob behind.
/// </summary>
[Collection(WaysInGroup.Name)]
public sealed class AttachmentTests(WaysInHost host) : IAsyncLifetime
{
    private readonly CaseApp _app = new(host.Host);
    private readonly BlobContainerClient _container = new(host.Host.StorageConnectionString, host.AttachmentsContainer);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task Each_allowed_type_is_filed_and_the_photo_loses_its_location()
    {
        var phone = Phones.Next();
        using var response = await FileAsync(Letter("complaint", phone),
            ("anh-o-ga.jpg", "image/jpeg", TestFiles.PhotoWithLocation()),
            ("so-do.png", "image/png", TestFiles.PngWithText()),
            ("quyet-dinh.pdf", "application/pdf", TestFiles.Pdf()));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        await _app.SignInAsync("qn-camtay-head");
        var detail = await _app.AssignedAsync(code);
        var files = detail["attachments"]!.AsArray();
        Assert.Equal(["anh-o-ga.jpg", "so-do.png", "quyet-dinh.pdf"], files.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(["image/jpeg", "image/png", "application/pdf"], files.Select(f => f!["contentType"]!.GetValue<string>()));
        Assert.Equal(3, detail["timeline"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "attachmentAdded"));

        var photo = await DownloadAsync(code, files[0]!["id"]!.GetValue<string>());
        Assert.Equal(TestFiles.PhotoWithoutLocation(), photo);
        Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(photo), StringComparison.Ordinal);
        var png = await DownloadAsync(code, files[1]!["id"]!.GetValue<string>());
        Assert.DoesNotContain("Cam Tay", Encoding.ASCII.GetString(png), StringComparison.Ordinal);
        Assert.Contains("IDAT", Encoding.ASCII.GetString(png), StringComparison.Ordinal);
        Assert.Equal(files[0]!["size"]!.GetValue<long>(), photo.Length);

        // the citizen sees the names and sizes only
        using var lookup = await _app.Client.PostAsJsonAsync(new Uri("/api/cases/lookup", UriKind.Relative), new { trackingCode = code, phone });
        var view = (await lookup.Content.ReadFromJsonAsync<JsonObject>())!;
        var seen = view["attachments"]!.AsArray();
        Assert.Equal("anh-o-ga.jpg", seen[0]!["name"]!.GetValue<string>());
        Assert.Equal(photo.Length, seen[0]!["size"]!.GetValue<long>());
        Assert.Equal(["name", "size"], seen[0]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_with_a_field_error_and_nothing_is_kept()
    {
        var before = await BlobCountAsync();
        var phone = Phones.Next();

        using var response = await FileAsync(Letter("petition", phone),
            ("anh-hop-le.png", "image/png", TestFiles.PngWithText()),
            ("anh.jpg", "image/jpeg", TestFiles.Executable()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Single()!;
        Assert.Equal("files[1]", error["field"]!.GetValue<string>());
        Assert.Equal("attachment.type", error["code"]!.GetValue<string>());
        Assert.Equal(before, await BlobCountAsync());
    }

    [Fact]
    public async Task An_11_MB_file_is_refused_and_leaves_no_half_filed_case()
    {
        var before = await BlobCountAsync();
        var phone = Phones.Next();

        using var response = await FileAsync(Letter("petition", phone), ("lon.jpg", "image/jpeg", TestFiles.LargeJpeg(11 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("attachment.tooLarge", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Single()!["code"]!.GetValue<string>());
        Assert.Equal(before, await BlobCountAsync());

        // no case for this phone: filing the same letter without the file is the phone's first
        using var again = await FileAsync(Letter("petition", phone));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await _app.SignInAsync("qn-camtay-head");
        var code = (await again.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        Assert.Empty((await _app.AssignedAsync(code))["attachments"]!.AsArray());
    }

    [Fact]
    public async Task Six_files_are_refused()
    {
        var files = Enumerable.Range(0, 6).Select(i => ($"trang-{i}.pdf", "application/pdf", TestFiles.Pdf())).ToArray();

        using var response = await FileAsync(Letter("petition", Phones.Next()), files);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "attachment.tooMany");
    }

    [Fact]
    public async Task A_pdf_is_downloaded_by_the_unit_and_refused_to_another_unit_and_to_anonymous_callers()
    {
        using var response = await FileAsync(Letter("complaint", Phones.Next()), ("quyet-dinh.pdf", "application/pdf", TestFiles.Pdf()));
        var code = (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        await _app.SignInAsync("qn-camtay-officer1");
        var id = (await _app.AssignedAsync(code))["attachments"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var path = $"/api/staff/cases/{code}/attachments/{id}";

        using var own = await _app.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(TestFiles.Pdf(), await own.Content.ReadAsByteArrayAsync());

        await _app.SignInAsync("qn-halong-head");
        using var other = await _app.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        using var anonymous = await _app.Host.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // the container itself is private: no anonymous read of the blob
        using var direct = await new HttpClient().GetAsync(_container.GetBlobClient(id).Uri);
        Assert.NotEqual(HttpStatusCode.OK, direct.StatusCode);
    }

    [Fact]
    public async Task A_denunciations_files_are_for_the_assigned_officer_and_the_head_only()
    {
        using var response = await FileAsync(Letter("denunciation", Phones.Next()), ("bang-chung.pdf", "application/pdf", TestFiles.Pdf()));
        var code = (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        await _app.SignInAsync("qn-camtay-head");
        var detail = await _app.AssignedAsync(code);
        var officer = detail["officer"]!["id"]!.GetValue<string>();
        var colleague = officer == "qn-camtay-officer1" ? "qn-camtay-officer2" : "qn-camtay-officer1";
        var id = detail["attachments"]!.AsArray()[0]!["id"]!.GetValue<string>();
        Assert.Equal("bang-chung.pdf", detail["attachments"]!.AsArray()[0]!["name"]!.GetValue<string>());
        Assert.Equal(TestFiles.Pdf(), await DownloadAsync(code, id));

        await _app.SignInAsync(colleague);
        var seen = (await _app.JsonAsync($"/api/staff/cases/{code}"))["attachments"]!.AsArray()[0]!;
        using var refused = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}/attachments/{id}", UriKind.Relative));

        Assert.Equal("***", seen["name"]!.GetValue<string>());
        Assert.False(seen["downloadable"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Staff_attach_scans_to_a_case_with_its_etag()
    {
        using var response = await FileAsync(Letter("complaint", Phones.Next()));
        var code = (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
        await _app.SignInAsync("qn-camtay-officer1");
        await _app.AssignedAsync(code);
        using var read = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}", UriKind.Relative));
        var etag = read.Headers.ETag!.ToString();

        using var attached = await AttachAsync(code, etag, ("trang-1.pdf", "application/pdf", TestFiles.Pdf()));
        using var stale = await AttachAsync(code, etag, ("trang-2.pdf", "application/pdf", TestFiles.Pdf()));

        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal("trang-1.pdf", (await attached.Content.ReadFromJsonAsync<JsonObject>())!["attachments"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    private static object Letter(string kind, string phone) => new
    {
        kind,
        unitId = "qn-camtay",
        title = "Ổ gà trên đường Trần Phú",
        content = "Đề nghị sửa ổ gà trước cổng trường.",
        citizen = new { name = "Lê Văn Cường", phone },
    };

    private async Task<HttpResponseMessage> FileAsync(object letter, params (string Name, string Type, byte[] Bytes)[] files)
    {
        using var form = Form(letter, files);
        return await _app.Client.PostAsync(new Uri("/api/cases", UriKind.Relative), form);
    }

    private async Task<HttpResponseMessage> AttachAsync(string code, string etag, params (string Name, string Type, byte[] Bytes)[] files)
    {
        using var form = Form(null, files);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/cases/{code}/attachments", UriKind.Relative)) { Content = form };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await _app.Client.SendAsync(request);
    }

    private static MultipartFormDataContent Form(object? letter, (string Name, string Type, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        if (letter is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(letter), Encoding.UTF8, "application/json"), "letter");
        }

        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }

        return form;
    }

    private async Task<byte[]> DownloadAsync(string code, string id)
    {
        using var response = await _app.Client.GetAsync(new Uri($"/api/staff/cases/{code}/attachments/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int> BlobCountAsync()
    {
        var count = 0;
        await foreach (var _ in _container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }
}
