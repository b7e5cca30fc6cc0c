using System.Text;
using Petitions.Core.UseCases.Common;

namespace Petitions.Core.Attachments;

/// <summary>
/// What a file attached to a letter may be (issue 18): JPEG, PNG or PDF, recognised by its first bytes (never its
/// name or the type the browser claims), at most <see cref="MaxBytes"/> each and <see cref="Cases.Case.MaxAttachments"/>
/// per case. The field errors say so in English and Vietnamese.
/// </summary>
public static class AttachmentRules
{
    /// <summary>Largest file: 10 MB (10 × 1024 × 1024 bytes).</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>Longest file name kept (longer names are cut, keeping the extension).</summary>
    public const int MaxName = 120;

    /// <summary>How many leading bytes decide the type.</summary>
    public const int SniffBytes = 8;

    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    /// <summary>The content type the leading bytes show (JPEG: FF D8 FF; PNG: its 8-byte signature; PDF: "%PDF-"), or null.</summary>
    public static string? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        return head.StartsWith(PdfSignature) ? Pdf : null;
    }

    /// <summary>The sealing context of an attachment's name.</summary>
    public static string NameContext(string caseId, string attachmentId) => $"{caseId}/attachments/{attachmentId}.name";

    /// <summary>
    /// A file name fit to keep and to show: the last path segment, control characters and quotes removed, NFC, at most
    /// <see cref="MaxName"/> characters (the extension kept); "tep-dinh-kem" when nothing is left.
    /// </summary>
    public static string CleanName(string? name)
    {
        var raw = (name ?? string.Empty).Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..];
        var text = new string([.. raw.Normalize(NormalizationForm.FormC).Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>'))]).Trim();
        if (text.Length > MaxName)
        {
            var dot = text.LastIndexOf('.');
            var extension = dot > 0 && text.Length - dot <= 8 ? text[dot..] : string.Empty;
            text = text[..(MaxName - extension.Length)] + extension;
        }

        return text.Length == 0 ? "tep-dinh-kem" : text;
    }

    /// <summary>A file that is not JPEG, PNG or PDF by its content.</summary>
    public static FieldError NotAllowed(string field) => new(field, "attachment.type",
        "Only photos (JPEG, PNG) and PDF files can be attached; this file is neither, whatever its name says.",
        "Chỉ đính kèm được ảnh (JPEG, PNG) hoặc tệp PDF; tệp này không phải các loại đó.");

    /// <summary>A file over <see cref="MaxBytes"/>.</summary>
    public static FieldError TooLarge(string field) => new(field, "attachment.tooLarge",
        "A file may be at most 10 MB.", "Mỗi tệp đính kèm tối đa 10 MB.");

    /// <summary>More files than a case may have.</summary>
    public static FieldError TooMany(string field) => new(field, "attachment.tooMany",
        $"At most {Cases.Case.MaxAttachments} files per letter.", $"Tối đa {Cases.Case.MaxAttachments} tệp đính kèm cho mỗi đơn.");

    /// <summary>A photo whose structure could not be read (so its metadata could not be removed).</summary>
    public static FieldError Malformed(string field) => new(field, "attachment.malformed",
        "This photo file is damaged and cannot be read.", "Tệp ảnh bị hỏng, không đọc được.");

    /// <summary>An empty file.</summary>
    public static FieldError Empty(string field) => new(field, "attachment.empty", "The file is empty.", "Tệp đính kèm rỗng.");
}
