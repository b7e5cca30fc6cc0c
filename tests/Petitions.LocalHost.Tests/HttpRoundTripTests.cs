using System.Net;
using System.Text.Json;

namespace Petitions.LocalHost.Tests;

public sealed class HttpRoundTripTests : IAsyncLifetime
{
    private LocalFunctionsHost host = null!;

    public async Task InitializeAsync() => host = await new TestHost().StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private HttpClient Client() =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Headers_cookies_query_and_a_5MB_body_pass_through_unchanged()
    {
        var body = new byte[5 * 1024 * 1024];
        Random.Shared.NextBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "echo/a/b?q=x%20y") { Content = new ByteArrayContent(body) };
        request.Headers.Add("x-test", "hello");
        request.Headers.Add("Cookie", "sent=biscuit");

        using var client = Client();
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", response.Headers.GetValues("x-echo-header").Single());
        Assert.Equal("x y", response.Headers.GetValues("x-echo-query").Single());
        Assert.Equal("a/b", response.Headers.GetValues("x-echo-rest").Single());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("echoed=biscuit", StringComparison.Ordinal));
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(503)]
    public async Task A_function_status_code_passes_through(int code)
    {
        using var client = Client();
        using var response = await client.GetAsync($"status/{code}");

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal($"status {code}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_route_is_404_problem_json()
    {
        using var client = Client();
        using var response = await client.GetAsync("no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_throwing_function_is_500_problem_json()
    {
        using var client = Client();
        using var response = await client.GetAsync("fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Fail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
