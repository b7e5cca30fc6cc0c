using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.Cases;

/// <summary>
/// The real function app under the local Functions host on Azurite, no demo letters, and a client that keeps cookies
/// and sends the CSRF token like the pages do. The host is the test class's (<see cref="CaseHost"/>, shared by its
/// tests, each filing its own cases); a test that moves the Development clock (<c>POST /dev/clock</c>) takes its own.
/// </summary>
internal sealed class CaseApp
{
    private readonly CookieContainer _cookies = new();
    private readonly bool _ownHost;
    private readonly Action<Dictionary<string, string>>? _tune;
    private FunctionsAppHost? _host;
    private HttpClient? _client;

    /// <summary>On the class's shared host.</summary>
    public CaseApp(CaseHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host.Host;
    }

    /// <summary>On a host shared some other way (e.g. a collection's).</summary>
    public CaseApp(FunctionsAppHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
    }

    /// <summary>On a host of its own (Development), started by <see cref="StartAsync"/>, with settings <paramref name="tune"/> changes.</summary>
    public CaseApp(bool ownHost, Action<Dictionary<string, string>>? tune = null)
    {
        _ownHost = ownHost;
        _tune = tune;
    }

    public HttpClient Client => _client ?? throw new InvalidOperationException("Call StartAsync first (the test's InitializeAsync).");

    public FunctionsAppHost Host => _host ?? throw new InvalidOperationException("Call StartAsync first (the test's InitializeAsync).");

    /// <summary>The emulator's connection string, for raw reads of what the app stored.</summary>
    public string StorageConnectionString => Host.StorageConnectionString;

    /// <summary>The case handling tables of this app: cases, index, guards, notifications.</summary>
    public IReadOnlyList<string> Tables =>
    [
        Host.Settings["CaseHandling__Storage__CasesTable"], Host.Settings["CaseHandling__Storage__IndexTable"],
        Host.Settings["CaseHandling__Storage__GuardsTable"], Host.Settings["CaseHandling__Storage__NotificationsTable"],
    ];

    /// <summary>The real name of a queue, by its app setting (e.g. <c>IntakeQueueName</c>).</summary>
    public string Queue(string setting) => Host.Settings[setting];

    public async Task StartAsync()
    {
        if (_ownHost)
        {
            _host = await FunctionsAppHost.StartAsync(_tune);
        }

        _client = Host.CreateClient(_cookies);

        // Each test is its own client for the intake's flood limit, as if the front end had seen a different address.
        _client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Random.Shared.Next(1, 255)}, 10.0.0.{Random.Shared.Next(1, 255)}");
    }

    /// <summary>Ends the test's use: its client, and its own host if it has one (shared hosts stop with the process).</summary>
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_ownHost && _host is not null)
        {
            await _host.DisposeAsync();
        }
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

        // The client sends the token itself when it has one; without csrf, an empty header stands in so it sends none.
        request.Headers.Add("X-CSRF-Token", csrf ? Csrf ?? string.Empty : string.Empty);
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
}

/// <summary>A class fixture: one app host for the tests of a class (Development, unless a subclass says otherwise).</summary>
public class CaseHost : IAsyncLifetime
{
    private FunctionsAppHost? _host;

    public FunctionsAppHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    protected virtual string EnvironmentName => "Development";

    public async Task InitializeAsync() => _host = await FunctionsAppHost.StartAsync(s => s["AZURE_FUNCTIONS_ENVIRONMENT"] = EnvironmentName);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>The app as it runs in Azure (no Development routes).</summary>
public sealed class ProductionCaseHost : CaseHost
{
    protected override string EnvironmentName => "Production";
}
