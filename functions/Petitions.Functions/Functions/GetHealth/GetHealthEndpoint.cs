using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Petitions.Functions.Functions.GetHealth;

/// <summary><c>GET /api/health</c>: 200 when Table and Queue storage answer, 503 otherwise. No secrets, no data.</summary>
internal static class GetHealthEndpoint
{
    public const string Name = "GetHealth";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("api/health", HandleAsync).WithName(Name);

    public static async Task<IResult> HandleAsync([FromServices] IStorageReachability storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
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
