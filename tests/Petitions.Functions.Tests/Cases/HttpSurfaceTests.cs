using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Petitions.Functions.Tests.Cases;

/// <summary>The deadline calculator, the security headers, CSRF, the development routes and the web pages.</summary>
public sealed class HttpSurfaceTests(CaseHost host) : IAsyncLifetime, IClassFixture<CaseHost>
{
    private readonly CaseApp _app = new(host);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Fact]
    public async Task Complaint_acceptance_deadline_is_answered_with_its_source()
    {
        var answer = await _app.JsonAsync("/api/deadlines?kind=complaint&step=accept&start=2026-03-02");

        Assert.Contains(answer["unit"]!.GetValue<string>(), new[] { "days", "workingDays" });
        Assert.False(string.IsNullOrEmpty(answer["source"]!.GetValue<string>()));
        Assert.NotEmpty(answer["explanation"]!.AsArray());
        Assert.True(DateOnly.Parse(answer["due"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > new DateOnly(2026, 3, 2));
    }

    [Fact]
    public async Task A_malformed_deadline_query_is_a_400_problem_with_field_errors()
    {
        using var response = await _app.Client.GetAsync(new Uri("/api/deadlines?kind=complaint&step=accept&start=02/03/2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "start");
    }

    [Theory]
    [InlineData("/api/cases", "application/json; charset=bogus", "{}")]
    [InlineData("/api/cases/lookup", "application/json; charset=bogus", "{}")]
    [InlineData("/api/cases", "application/json", "{ not json")]
    [InlineData("/api/cases/lookup", "text/plain", "trackingCode=HS-0000-0000")]
    public async Task A_malformed_public_post_is_a_4xx_problem_never_a_5xx(string path, string contentType, string body)
    {
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await _app.Client.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_response_carries_the_content_security_policy()
    {
        using var page = await _app.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var api = await _app.Client.GetAsync(new Uri("/api/units", UriKind.Relative));

        foreach (var response in new[] { page, api })
        {
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_staff_post_without_the_CSRF_token_is_refused()
    {
        await _app.SignInAsync("qn-camtay-head");

        using var response = await _app.PostAsync("/api/staff/logout", null, csrf: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("csrf.invalid", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Theory] // issue 19: these reception routes took POSTs without X-CSRF-Token
    [InlineData("/api/reception/sessions/qn-camtay-20260514/walk-ins")]
    [InlineData("/api/reception/sessions/qn-camtay-20260514/meetings")]
    [InlineData("/api/reception/sessions/qn-camtay-20260514/cancel")]
    [InlineData("/api/reception/units/qn-camtay/unscheduled")]
    [InlineData("/api/staff/cases/HS-0000-0000/close")]
    [InlineData("/api/staff/logout")]
    public async Task Every_state_changing_staff_route_refuses_a_signed_in_post_without_the_csrf_token(string path)
    {
        await _app.SignInAsync("qn-camtay-head");

        using var response = await _app.PostAsync(path, new { }, csrf: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("csrf.invalid", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_routes_refuse_anonymous_callers_with_the_auth_mode()
    {
        using var response = await _app.Client.GetAsync(new Uri("/api/staff/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Development", response.Headers.GetValues("x-petitions-auth-mode").Single());
    }

    [Fact]
    public async Task The_web_pages_never_shadow_an_unknown_api_route()
    {
        using var response = await _app.Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}

/// <summary>Development routes outside Development.</summary>
public sealed class ProductionSurfaceTests(ProductionCaseHost host) : IAsyncLifetime, IClassFixture<ProductionCaseHost>
{
    private readonly CaseApp _app = new(host);

    public Task InitializeAsync() => _app.StartAsync();

    public Task DisposeAsync() => _app.StopAsync();

    [Theory]
    [InlineData("/dev/staff")]
    public async Task Development_routes_are_404_in_production(string path)
    {
        using var response = await _app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dev_login_is_404_in_production()
    {
        using (await _app.Client.GetAsync(new Uri("/", UriKind.Relative))) { }

        using var response = await _app.PostAsync("/dev/login", new { staffId = "qn-camtay-head" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
