using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using BenchmarkDotNet.Attributes;
using Petitions.Core.Time;
using Petitions.Infrastructure.Storage;
using Petitions.Infrastructure.Storage.Tables;

namespace Petitions.Benchmarks.Storage;

/// <summary>
/// Signing one Table request with Shared Key. Baseline: the HMAC-SHA256 (and base64) of the very string-to-sign the
/// policy builds, which is the cryptographic floor. Against it: our pipeline policy on a request as TableClient makes
/// it (x-ms-date, canonicalized resource, string-to-sign, HMAC, Authorization header), and a whole GetEntity call
/// through the storage pipeline to an in-memory answer (everything a request costs on our side but the network).
/// </summary>
[MemoryDiagnoser]
public class SharedKeyBenchmarks : IDisposable
{
    private const string Account = StorageConnectionString.DevelopmentAccountName;
    private const string Endpoint = "http://127.0.0.1:10002/" + Account;
    private const string TableName = "CaseIndex";
    private const string Partition = "due-20260317";
    private const string Row = "HS-7K2Q-9MXT-resolve";

    private static readonly DateTimeOffset SigningTime = new(2026, 3, 17, 2, 0, 0, TimeSpan.Zero);

    private byte[] _key = null!;
    private byte[] _stringToSign = null!;
    private HttpPipelineSynchronousPolicy _policy = null!;
    private HttpMessage _message = null!;
    private TableClient _table = null!;
    private HttpClient _httpClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey);
        var entityPath = $"/{Account}/{TableName}(PartitionKey='{Partition}',RowKey='{Row}')";

        // The policy is internal to Petitions.Infrastructure: build the real one by reflection, once, here. The measured
        // call is its public override, OnSendingRequest, with no reflection in the way.
        _policy = SharedKeyPolicy(TimeProvider.System);
        _message = EntityRequest(entityPath);

        // Table Shared Key string-to-sign for this GET: VERB, Content-MD5, Content-Type, x-ms-date, canonicalized resource
        // (path-style endpoint: the account appears twice). Checked below against the signature the policy writes.
        var date = SigningTime.ToString("R", CultureInfo.InvariantCulture);
        _stringToSign = Encoding.UTF8.GetBytes($"GET\n\n\n{date}\n/{Account}{entityPath}");
        var check = EntityRequest(entityPath);
        SharedKeyPolicy(new ManualTimeProvider(SigningTime)).OnSendingRequest(check);
        check.Request.Headers.TryGetValue("Authorization", out var authorization);
        if (authorization != $"SharedKey {Account}:{Hmac()}")
        {
            throw new InvalidOperationException("The baseline's string-to-sign is not the one the policy signs.");
        }

        _httpClient = new HttpClient(new CannedEntityHandler());
        var options = new StorageClientOptions { Transport = new HttpClientTransport(_httpClient) };
        var connection = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={StorageConnectionString.DevelopmentAccountKey};TableEndpoint={Endpoint};";
        _table = StorageAccount.FromConnectionString(connection, options).GetTableClient(TableName);
        if (GetEntityInMemory().GetAwaiter().GetResult()?.GetString("CaseId") != "HS-7K2Q-9MXT")
        {
            throw new InvalidOperationException("The in-memory GetEntity did not read the canned entity.");
        }
    }

    /// <summary>HMAC-SHA256 of the string-to-sign with the decoded account key, base64.</summary>
    [Benchmark(Baseline = true)]
    public string Hmac() => Convert.ToBase64String(HMACSHA256.HashData(_key, _stringToSign));

    /// <summary>Our Shared Key policy signing a GetEntity request (fresh x-ms-date from the system clock, as in production).</summary>
    [Benchmark]
    public HttpMessage SignWithPolicy()
    {
        _policy.OnSendingRequest(_message);
        return _message;
    }

    /// <summary>TableClient.GetEntityAsync through the whole storage pipeline, answered in memory (no socket).</summary>
    [Benchmark]
    public Task<TableEntity?> GetEntityInMemory() => _table.GetEntityAsync(Partition, Row);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _message?.Dispose();
        _httpClient?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static HttpPipelineSynchronousPolicy SharedKeyPolicy(TimeProvider clock)
    {
        var assembly = typeof(StorageAccount).Assembly;
        var signerType = Type("Petitions.Infrastructure.Storage.Pipeline.SharedKeySigner");
        var serviceType = Type("Petitions.Infrastructure.Storage.Pipeline.StorageService");
        var policyType = Type("Petitions.Infrastructure.Storage.Pipeline.SharedKeyPolicy");
        var signer = Activator.CreateInstance(signerType, Account, StorageConnectionString.DevelopmentAccountKey)!;
        var table = Enum.Parse(serviceType, "Table");
        return (HttpPipelineSynchronousPolicy)Activator.CreateInstance(policyType, signer, table, clock)!;

        Type Type(string name) => assembly.GetType(name, throwOnError: false)
            ?? throw new InvalidOperationException($"{name} is no longer in Petitions.Infrastructure; update the benchmark.");
    }

    /// <summary>A GET entity request with the headers TableClient and the storage headers policy put on it.</summary>
    private static HttpMessage EntityRequest(string entityPath)
    {
        var message = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10002" + entityPath));
        message.Request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        message.Request.Headers.SetValue("x-ms-version", StorageClientOptions.DefaultServiceVersion);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    /// <summary>Answers every request with one CaseIndex entity, as the Table service would (minimal metadata, ETag).</summary>
    private sealed class CannedEntityHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = Encoding.UTF8.GetBytes(
            $$"""
            {"odata.metadata":"{{Endpoint}}/$metadata#{{TableName}}/@Element","odata.etag":"W/\"datetime'2026-03-17T02%3A00%3A00.0000000Z'\"",
             "PartitionKey":"{{Partition}}","RowKey":"{{Row}}","Timestamp":"2026-03-17T02:00:00.0000000Z",
             "CaseId":"HS-7K2Q-9MXT","Kind":"complaint","Title":"Khiếu nại quyết định thu hồi đất","Status":"assigned",
             "UnitId":"qn-camtay","OfficerId":"qn-camtay-officer-1","Due":"2026-03-17","Escalation":"supervisor",
             "Step":"resolve","NextRungOn":"2026-03-17"}
            """);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body), RequestMessage = request };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;odata=minimalmetadata;streaming=true;charset=utf-8");
            response.Headers.TryAddWithoutValidation("ETag", "W/\"datetime'2026-03-17T02%3A00%3A00.0000000Z'\"");
            response.Headers.TryAddWithoutValidation("x-ms-request-id", "00000000-0000-0000-0000-000000000000");
            return Task.FromResult(response);
        }
    }
}
