using Petitions.Core.UseCases.Common;

namespace Petitions.Core.Attachments;

/// <summary>Why a file was refused while it streamed in.</summary>
public enum AttachmentRefusal
{
    /// <summary>Not JPEG, PNG or PDF by its content.</summary>
    NotAllowed,

    /// <summary>Over <see cref="AttachmentRules.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>A photo whose structure could not be read.</summary>
    Malformed,

    /// <summary>No content.</summary>
    Empty,
}

/// <summary>Thrown by <see cref="AttachmentUploadStream"/> when the file read so far cannot be accepted.</summary>
public sealed class AttachmentRefusedException : Exception
{
    public AttachmentRefusedException()
        : this(AttachmentRefusal.NotAllowed)
    {
    }

    public AttachmentRefusedException(string message)
        : base(message)
    {
    }

    public AttachmentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AttachmentRefusedException(AttachmentRefusal refusal)
        : base($"The file was refused: {refusal}.")
    {
        Refusal = refusal;
    }

    /// <summary>Why.</summary>
    public AttachmentRefusal Refusal { get; }

    /// <summary>The field error for <paramref name="field"/>.</summary>
    public FieldError ErrorFor(string field) => Refusal switch
    {
        AttachmentRefusal.TooLarge => AttachmentRules.TooLarge(field),
        AttachmentRefusal.Malformed => AttachmentRules.Malformed(field),
        AttachmentRefusal.Empty => AttachmentRules.Empty(field),
        _ => AttachmentRules.NotAllowed(field),
    };
}
