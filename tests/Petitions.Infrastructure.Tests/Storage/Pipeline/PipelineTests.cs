using Azure.Core;
using Azure.Core.Pipeline;
using Petitions.Core.Time;
using Petitions.Infrastructure.Storage;
using Petitions.Infrastructure.Storage.Tables;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage.Pipeline;

/// <summary>The Azure.Core pipeline as the clients build it, over a scripted transport.</summary>
public sealed class PipelineTests
{
    private static readonly DateTimeOffset SigningTime = new(2024, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static TableClient Table(StubHandler handler, Action<StorageClientOptions>? configure = null)
    {
        var options = new StorageClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(handler)),
            TimeProvider = new ManualTimeProvider(SigningTime),
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        configure?.Invoke(options);
        var connection = $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
                         "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1";
        return StorageAccount.FromConnectionString(connection, options).GetTableClient("cases");
    }

    [Fact]
    public async Task Every_request_carries_version_date_and_the_shared_key_signature_of_the_fixed_vector()
    {
        var handler = new StubHandler(() => StubHandler.Status(404));

        var entity = await Table(handler).GetEntityAsync("p1", "r1");

        Assert.Null(entity);
        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1/cases(PartitionKey='p1',RowKey='r1')", request.RequestUri!.OriginalString);
        Assert.Equal("2020-12-06", request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("Fri, 22 Nov 2024 10:00:00 GMT", request.Headers.GetValues("x-ms-date").Single());
        Assert.Equal("SharedKey devstoreaccount1:E6gnD9ZJQI5QoX9E7O0V2zKfeEO+88rR6iulBLed24A=", request.Headers.GetValues("Authorization").Single());
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_statuses_are_retried_and_each_attempt_is_signed_afresh(int status)
    {
        var handler = new StubHandler(() => StubHandler.Status(status), () => StubHandler.Status(404));

        var entity = await Table(handler).GetEntityAsync("p1", "r1");

        Assert.Null(entity);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKey devstoreaccount1:", r.Request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(409)]
    [InlineData(501)]
    public async Task Permanent_failures_are_not_retried_and_surface_status_and_error_code(int status)
    {
        var handler = new StubHandler(() => StubHandler.Status(status, ("x-ms-error-code", "SomethingWrong")));

        var error = await Assert.ThrowsAnyAsync<StorageRequestException>(() => Table(handler).GetEntityAsync("p1", "r1"));

        Assert.Single(handler.Requests);
        Assert.Equal(status, error.Status);
        Assert.Equal("SomethingWrong", error.ErrorCode);
    }

    [Fact]
    public async Task A_Retry_After_header_is_honoured_over_the_shorter_exponential_delay()
    {
        var handler = new StubHandler(() => StubHandler.Status(429, ("Retry-After", "1")), () => StubHandler.Status(404));

        await Table(handler).GetEntityAsync("p1", "r1");

        Assert.Equal(2, handler.Requests.Count);
        var gap = handler.Requests[1].At - handler.Requests[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"Second attempt came after {gap.TotalMilliseconds} ms, before Retry-After's 1 s.");
    }

    [Fact]
    public async Task After_the_last_retry_the_failure_surfaces_with_its_status()
    {
        var handler = new StubHandler(() => StubHandler.Status(503, ("x-ms-error-code", "ServerBusy")));

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => Table(handler, o => o.Retry.MaxRetries = 2).GetEntityAsync("p1", "r1"));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
    }

    [Fact]
    public async Task A_token_credential_sends_a_bearer_token_for_the_storage_scope()
    {
        var handler = new StubHandler(() => StubHandler.Status(404));
        var credential = new RecordingCredential();
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var account = StorageAccount.FromCredential(
            new Uri("https://acct.table.core.windows.net"), new Uri("https://acct.queue.core.windows.net"), credential, options);

        await account.GetTableClient("cases").GetEntityAsync("p1", "r1");

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("Bearer token-1", request.Headers.GetValues("Authorization").Single());
        Assert.Equal("https://acct.table.core.windows.net/cases(PartitionKey='p1',RowKey='r1')", request.RequestUri!.OriginalString);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-1", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
