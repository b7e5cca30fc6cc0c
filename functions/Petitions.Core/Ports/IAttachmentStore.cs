namespace Petitions.Core.Ports;

/// <summary>
/// Private storage of attached files (a blob container that is never public). The content streams in and out; the
/// name is an attachment id, never the file's own name.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores <paramref name="content"/> (read to its end, in blocks) as <paramref name="attachmentId"/>.</summary>
    Task SaveAsync(string attachmentId, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The content, or null when there is none.</summary>
    Task<Stream?> OpenAsync(string attachmentId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the content (no error when it is already gone).</summary>
    Task DeleteAsync(string attachmentId, CancellationToken cancellationToken = default);
}
