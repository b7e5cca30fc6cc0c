using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Petitions.Functions.Tests.Support;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// The real app in-process on Azurite with its own tables and queues, the standalone queue listeners running, no demo
/// letters, and a client that keeps cookies and sends the CSRF token like the pages do.
/// </summary>
internal sealed class CaseApp : IDisposable
{
    private readonly AzuriteServer _azurite = AzuriteServer.StartPrivate();
    private readonly TestApp _app;
    private readonly CookieContainer _cookies = new();

    public CaseApp(string environment = "Development")
    {
        // A private emulator: the product's queue functions listen on fixed queue names (case-intake, …),
        // so an app sharing an emulator with other test apps would lose messages to their listeners.
        var suffix = AzuriteServer.UniqueName("t").Replace("-", string.Empty, StringComparison.Ordinal);
        Tables = ["Cases" + suffix, "Index" + suffix, "Guards" + suffix, "Notes" + suffix];
        _app = new TestApp()
            .OnAzurite(AzuriteServer.UniqueName("unused"))
            .With("AzureWebJobsStorage", _azurite.ConnectionString)
            .With("environment", environment)
            .With("Demo:Seed", "false")
            .With("Security:FieldEncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .With("Security:PhoneHashKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .With("CaseHandling:Storage:CasesTable", "Cases" + suffix)
            .With("CaseHandling:Storage:IndexTable", "Index" + suffix)
            .With("CaseHandling:Storage:GuardsTable", "Guards" + suffix)
            .With("CaseHandling:Storage:NotificationsTable", "Notes" + suffix);
        Client = _app.CreateDefaultClient(new CookieHandler(_cookies));
    }

    public HttpClient Client { get; }

    /// <summary>The private emulator's connection string, for raw reads of what the app stored.</summary>
    public string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>The case handling tables of this app: cases, index, guards, notifications.</summary>
    public IReadOnlyList<string> Tables { get; }

    public void Dispose()
    {
        Client.Dispose();
        _app.Dispose();
        _azurite.Dispose();
    }

    /// <summary>Loads a page (which sets the CSRF cookie) and signs in as <paramref name="staffId"/>.</summary>
    public async Task SignInAsync(string staffId)
    {
        using (await Client.GetAsync(new Uri("/", UriKind.Relative))) { }
        using var response = await PostAsync("/dev/login", new { staffId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public string? Csrf => _cookies.GetCookies(Client.BaseAddress!)["petitions_csrf"]?.Value;

    public async Task<HttpResponseMessage> PostAsync(string path, object? body, string? ifMatch = null, bool csrf = true, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body ?? new { }) };
        if (csrf && Csrf is { } token)
        {
            request.Headers.Add("X-CSRF-Token", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Client.SendAsync(request);
    }

    public async Task<JsonObject> JsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Files a complaint with qn-camtay and returns its tracking code.</summary>
    public async Task<string> FileAsync(string phone = "0912345678", string? idempotencyKey = null, string content = "Tôi không đồng ý với quyết định thu hồi đất.")
    {
        using var response = await PostAsync("/api/cases", Letter(phone, content), csrf: false, idempotencyKey: idempotencyKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["trackingCode"]!.GetValue<string>();
    }

    public static object Letter(string phone, string content = "Nội dung") => new
    {
        kind = "complaint",
        unitId = "qn-camtay",
        title = "Khiếu nại quyết định thu hồi đất",
        content,
        citizen = new { name = "Nguyễn Văn An", phone, address = "Phường Cẩm Tây" },
        channel = "web",
    };

    /// <summary>Waits until the case is routed and assigned (the intake and outbox queues have run).</summary>
    public Task<JsonObject> AssignedAsync(string code) =>
        Eventually.Until(() => JsonAsync($"/api/staff/cases/{code}"), d => d["officer"] is JsonObject, TimeSpan.FromSeconds(60), $"case {code} assigned");

    private sealed class CookieHandler : DelegatingHandler
    {
        private readonly CookieContainer _cookies;

        public CookieHandler(CookieContainer cookies) => _cookies = cookies;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            if (_cookies.GetCookieHeader(uri) is { Length: > 0 } header)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    _cookies.SetCookies(uri, cookie);
                }
            }

            return response;
        }
    }
}
