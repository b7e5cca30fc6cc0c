using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Petitions.Functions.Tests.Support;
using Petitions.TestKit;

namespace Petitions.Functions.Tests.HostMode;

/// <summary>
/// The custom-handler contract: the Functions host posts the payloads of shared/fixtures/functions-host to
/// <c>POST /{FunctionName}</c> and expects the response shape of response.json; non-2xx when the work failed.
/// </summary>
public sealed class HostContractTests : IDisposable
{
    private readonly TestApp _app = new TestApp().UnderFunctionsHost();

    public void Dispose() => _app.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string QueueFixture => RepositoryPaths.Fixture("functions-host/queue-invocation.json");

    private static string TimerFixture => RepositoryPaths.Fixture("functions-host/timer-invocation.json");

    [Fact]
    public async Task Queue_invocation_fixture_reaches_the_handler_with_text_id_and_dequeue_count()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(new Uri("/TestQueue", UriKind.Relative), Json(QueueFixture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_app.Behaviour.QueueCalls);
        Assert.Equal("{\"caseId\":\"c-01JD9Q3ZB8\",\"kind\":\"CaseReceived\"}", call.MessageText);
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", call.MessageId);
        Assert.Equal(1, call.DequeueCount);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 10, 31, TimeSpan.Zero), call.InsertedOn);
    }

    [Fact]
    public async Task Response_has_the_shape_of_the_host_response_fixture()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(new Uri("/TestQueue", UriKind.Relative), Json(QueueFixture));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var expected = JsonNode.Parse(RepositoryPaths.Fixture("functions-host/response.json"))!.AsObject();
        Assert.Equal(expected.Select(p => p.Key).Order(), body.Select(p => p.Key).Order());
        Assert.Empty(body["Outputs"]!.AsObject());
        Assert.Null(body["ReturnValue"]);
        Assert.Equal(["Handled message 800ae4b3-bdd2-4c08-badd-f08e5a34b865"], body["Logs"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task Queue_message_sent_as_a_json_object_reaches_the_handler_as_its_json_text()
    {
        var payload = JsonNode.Parse(QueueFixture)!;
        payload["Data"]!["msg"] = JsonNode.Parse(payload["Data"]!["msg"]!.GetValue<string>());
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(new Uri("/TestQueue", UriKind.Relative), Json(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Assert.Single(_app.Behaviour.QueueCalls).MessageText;
        using var message = JsonDocument.Parse(text);
        Assert.Equal("c-01JD9Q3ZB8", message.RootElement.GetProperty("caseId").GetString());
        Assert.Equal("CaseReceived", message.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Timer_invocation_fixture_reaches_the_handler_with_past_due_and_schedule_status()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(new Uri("/TestTimer", UriKind.Relative), Json(TimerFixture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_app.Behaviour.TimerCalls);
        Assert.False(call.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), call.ScheduleStatus!.Last);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 5, 0, TimeSpan.Zero), call.ScheduleStatus.Next);
    }

    [Fact]
    public async Task Timer_reported_past_due_by_the_host_is_past_due_for_the_handler()
    {
        var payload = JsonNode.Parse(TimerFixture)!;
        payload["Data"]!["timer"]!["IsPastDue"] = true;
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(new Uri("/TestTimer", UriKind.Relative), Json(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(_app.Behaviour.TimerCalls).IsPastDue);
    }

    [Fact]
    public async Task A_failing_handler_answers_500_so_that_the_host_retries()
    {
        _app.Behaviour.OnQueue = (_, _) => throw new InvalidOperationException("the case store is down");
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(new Uri("/TestQueue", UriKind.Relative), Json(QueueFixture));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("TestQueue failed: InvalidOperationException", body["Logs"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.DoesNotContain("the case store is down", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_without_the_trigger_binding_is_a_400_problem()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync(new Uri("/TestQueue", UriKind.Relative), Json("""{ "Data": { "other": "x" }, "Metadata": {} }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(_app.Behaviour.QueueCalls);
    }

    [Fact]
    public async Task The_host_probe_GET_root_is_answered()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Under_the_host_the_platform_principal_may_be_trusted()
    {
        var mode = (Runtime.RuntimeMode)_app.Provider.GetService(typeof(Runtime.RuntimeMode))!;

        Assert.True(mode.IsUnderFunctionsHost);
        Assert.Equal(7777, mode.CustomHandlerPort);
    }

    [Fact]
    public async Task Unknown_routes_answer_problem_json()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(404, problem!["status"]!.GetValue<int>());
    }
}
