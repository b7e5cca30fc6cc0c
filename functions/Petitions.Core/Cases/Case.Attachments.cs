namespace Petitions.Core.Cases;

/// <summary>The files attached to a case (photos, scans).</summary>
public sealed partial class Case
{
    /// <summary>Most files a case may have, counting those attached at filing (issue 18).</summary>
    public const int MaxAttachments = 5;

    /// <summary>The files attached so far, oldest first.</summary>
    public IReadOnlyList<CaseAttachment> Attachments => _attachments;

    /// <summary>Room left for attachments.</summary>
    public int AttachmentsLeft => MaxAttachments - _attachments.Count;

    /// <summary>Attaches a stored file while the case is open; at most <see cref="MaxAttachments"/>, each once.</summary>
    public void Attach(CaseAttachment attachment, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (!IsOpen)
        {
            throw Invalid(CaseAction.AttachFile, "files are attached only while the case is open");
        }

        if (_attachments.Count >= MaxAttachments)
        {
            throw Invalid(CaseAction.AttachFile, $"a case has at most {MaxAttachments} files");
        }

        if (_attachments.Exists(a => a.Id == attachment.Id))
        {
            throw Invalid(CaseAction.AttachFile, "the file is already attached");
        }

        _attachments.Add(attachment);
        Raise(new AttachmentAdded(attachment.Id, attachment.Size, attachment.ContentType) { CaseId = Id, Sequence = 0, Actor = actor, At = at });
    }
}
