using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Petitions.Core.Ports;

namespace Petitions.Infrastructure.Attachments;

/// <summary>
/// Attached files in a private blob container (created at start with no public access). Uploads go in 1 MB blocks
/// read one at a time from the incoming stream, so a file is never held whole; a read that fails (a refused file)
/// fails the upload before the block list is committed, which leaves no blob behind.
/// </summary>
public sealed class BlobAttachmentStore(BlobContainerClient container) : IAttachmentStore
{
    /// <summary>Block size of uploads (and the most held in memory per upload).</summary>
    public const int BlockBytes = 1024 * 1024;

    public async Task SaveAsync(string attachmentId, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        ArgumentNullException.ThrowIfNull(content);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = "attachment" },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = BlockBytes, MaximumTransferSize = BlockBytes, MaximumConcurrency = 1 },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        await container.GetBlobClient(attachmentId).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream?> OpenAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        try
        {
            var download = await container.GetBlobClient(attachmentId).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentId);
        await container.GetBlobClient(attachmentId).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
