using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.GetHealth;

/// <summary><c>GET /api/health</c>: 200 when Table and Queue storage answer, 503 otherwise. No secrets, no data.</summary>
public sealed class GetHealthEndpoint(IStorageReachability storage)
{
    public const string Name = "GetHealth";

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest req, CancellationToken cancellationToken)
    {
        var tables = storage.CheckTablesAsync(cancellationToken);
        var queues = storage.CheckQueuesAsync(cancellationToken);
        var report = new StorageReport(await tables.ConfigureAwait(false), await queues.ConfigureAwait(false));
        var healthy = report.Tables == StorageReachability.Ok && report.Queues == StorageReachability.Ok;
        return Results.Json(
            new HealthReport(healthy ? "healthy" : "unhealthy", report),
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record HealthReport(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("storage")] StorageReport Storage);

    internal sealed record StorageReport(
        [property: JsonPropertyName("tables")] string Tables,
        [property: JsonPropertyName("queues")] string Queues);
}
