using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Petitions.LocalHost;

/// <summary>The schedule monitor's status of one timer function (as the platform keeps it).</summary>
internal sealed record TimerStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>
/// The status blob <c>azure-webjobs-hosts/timers/&lt;hostId&gt;/&lt;Function&gt;/status</c>. Writes are
/// conditional on the ETag read, so of two hosts claiming the same tick exactly one succeeds.
/// </summary>
internal sealed class TimerStatusStore(BlobServiceClient blobs, string hostId, string functionName)
{
    private static readonly JsonSerializerOptions Json = new();

    public string Path { get; } = $"timers/{hostId}/{functionName}/status";

    private BlobClient Blob => blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient(Path);

    public async Task InitialiseAsync(CancellationToken ct) =>
        await blobs.GetBlobContainerClient("azure-webjobs-hosts").CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);

    public async Task<(TimerStatus? Status, ETag? ETag)> ReadAsync(CancellationToken ct)
    {
        try
        {
            var content = await Blob.DownloadContentAsync(ct).ConfigureAwait(false);
            return (content.Value.Content.ToObjectFromJson<TimerStatus>(Json), content.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }

    /// <summary>Writes the status if nobody wrote it since <paramref name="etag"/> was read; false if another host did.</summary>
    public async Task<bool> TryWriteAsync(TimerStatus status, ETag? etag, CancellationToken ct)
    {
        var conditions = etag is { } e ? new BlobRequestConditions { IfMatch = e } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await Blob.UploadAsync(BinaryData.FromObjectAsJson(status, Json), new BlobUploadOptions { Conditions = conditions }, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException x) when (x.Status is 409 or 412)
        {
            return false;
        }
    }
}
