using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Petitions.Core.Cases;
using Petitions.Core.UseCases.Attachments;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Intake;

namespace Petitions.Functions.App.Http;

/// <summary>
/// A letter with files as the pages send it: <c>multipart/form-data</c> with a part <c>letter</c> (the JSON body of
/// docs/api.md) and up to <see cref="Case.MaxAttachments"/> parts <c>files</c>. Each file streams into storage as its
/// part is read (<see cref="AttachmentUploads"/>); nothing holds a whole file. A request that is not multipart is
/// read as plain JSON, with no files.
/// </summary>
internal sealed record LetterUpload(string? LetterJson, IReadOnlyList<FileCase.NewAttachment> Files, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The largest letter part (the JSON body).</summary>
    public const int MaxLetterBytes = 256 * 1024;

    /// <summary>The largest request: every file at its limit plus the letter and the multipart framing.</summary>
    public const long MaxRequestBytes = (Case.MaxAttachments * Core.Attachments.AttachmentRules.MaxBytes) + (1024 * 1024);

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the parts in order; files go to storage at once. Unknown parts are refused.</summary>
    public static async Task<LetterUpload> ReadAsync(HttpRequest request, AttachmentUploads uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(uploads);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }

        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary))
        {
            throw new BadHttpRequestException("multipart/form-data needs a boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        string? letter = null;
        var files = new List<FileCase.NewAttachment>();
        var errors = new List<FieldError>();
        var index = 0;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false); section is not null;
                 section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
                    !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw new BadHttpRequestException("Every part needs Content-Disposition: form-data with a name.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "letter" && !disposition.IsFileDisposition())
                {
                    letter = await ReadTextAsync(section.Body, cancellationToken).ConfigureAwait(false);
                }
                else if (name == "files" && disposition.IsFileDisposition())
                {
                    var field = $"files[{index++}]";
                    if (index > Case.MaxAttachments)
                    {
                        await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                        if (!errors.Exists(e => e.Code == "attachment.tooMany"))
                        {
                            errors.Add(Core.Attachments.AttachmentRules.TooMany("files"));
                        }

                        continue;
                    }

                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var (file, error) = await uploads.StoreAsync(fileName, section.Body, field, cancellationToken).ConfigureAwait(false);
                    if (file is not null)
                    {
                        files.Add(file);
                    }

                    if (error is not null)
                    {
                        errors.Add(error);
                        await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    throw new BadHttpRequestException($"Unknown part '{name}': send 'letter' (JSON) and 'files'.");
                }
            }
        }
        catch
        {
            await uploads.DiscardAsync(files).ConfigureAwait(false);
            throw;
        }

        return new LetterUpload(letter, files, errors);
    }

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > MaxLetterBytes)
            {
                throw new BadHttpRequestException("The letter part is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, n);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
