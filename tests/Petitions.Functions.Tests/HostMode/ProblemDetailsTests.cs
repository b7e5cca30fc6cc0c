using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Petitions.Functions.Tests.Support;

namespace Petitions.Functions.Tests.HostMode;

/// <summary>Every error leaves as RFC 7807 application/problem+json.</summary>
public sealed class ProblemDetailsTests : IDisposable
{
    private readonly TestApp _app = new TestApp().UnderFunctionsHost();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Bad_input_is_a_400_problem_with_its_detail()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/test/failures/bad-input", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal("The tracking code must have 10 characters.", problem["detail"]!.GetValue<string>());
        Assert.Equal("/api/test/failures/bad-input", problem["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_internals()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/test/failures/crash", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("secret internal detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
