using Microsoft.Extensions.Logging;
using Petitions.Core.Attachments;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;

namespace Petitions.Core.UseCases.Attachments;

/// <summary>
/// Stores the files of a request as they stream in (<see cref="AttachmentUploadStream"/>: type by content, size limit,
/// photo location metadata removed), and discards them again when the request does not file or attach them, so no
/// file outlives a request that failed.
/// </summary>
public sealed partial class AttachmentUploads(IAttachmentStore store, ILogger<AttachmentUploads> logger)
{
    /// <summary>
    /// Stores one file read from <paramref name="body"/> (to its end) under a new id; or the field error at
    /// <paramref name="field"/> when it is refused (nothing is then kept).
    /// </summary>
    public async Task<(FileCase.NewAttachment? File, FieldError? Error)> StoreAsync(string? fileName, Stream body, string field, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = "a" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var upload = new AttachmentUploadStream(body);
        await using var _ = upload.ConfigureAwait(false);
        try
        {
            var type = await upload.StartAsync(cancellationToken).ConfigureAwait(false);
            await store.SaveAsync(id, upload, type, cancellationToken).ConfigureAwait(false);
            LogStored(logger, id, type, upload.Written);
            return (new FileCase.NewAttachment(id, AttachmentRules.CleanName(fileName), upload.Written, type), null);
        }
        catch (AttachmentRefusedException refused)
        {
            LogRefused(logger, refused.Refusal.ToString());
            await store.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            return (null, refused.ErrorFor(field));
        }
        catch (Exception e) when (FindRefusal(e) is { } refused)
        {
            // The storage SDK wraps what the stream threw during an upload.
            LogRefused(logger, refused.Refusal.ToString());
            await store.DeleteAsync(id, CancellationToken.None).ConfigureAwait(false);
            return (null, refused.ErrorFor(field));
        }
    }

    /// <summary>Deletes files stored for a request that did not use them (best effort: an orphan is unreachable anyway).</summary>
    public async Task DiscardAsync(IEnumerable<FileCase.NewAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            try
            {
                await store.DeleteAsync(file.Id, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // an orphaned blob is referenced by no case, so no one can reach it; the failure is logged
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogDiscardFailed(logger, file.Id, e);
            }
        }
    }

    private static AttachmentRefusedException? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AttachmentRefusedException refused)
            {
                return refused;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(FindRefusal).FirstOrDefault(r => r is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attachment {AttachmentId} stored: {ContentType}, {Size} bytes")]
    private static partial void LogStored(ILogger logger, string attachmentId, string contentType, long size);

    [LoggerMessage(Level = LogLevel.Information, Message = "An attached file was refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment {AttachmentId} could not be discarded")]
    private static partial void LogDiscardFailed(ILogger logger, string attachmentId, Exception exception);
}
