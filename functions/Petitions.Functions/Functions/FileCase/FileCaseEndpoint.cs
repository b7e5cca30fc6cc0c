using System.Text;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Attachments;
using Petitions.Core.UseCases.Common;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;
using FileCaseUseCase = Petitions.Core.UseCases.Intake.FileCase;

namespace Petitions.Functions.Functions.FileCase;

/// <summary>
/// <c>POST /api/cases</c>: 201 with <c>{ trackingCode, status, receivedAt, receivedOn, acknowledgeBy }</c> and a
/// Location; 400 with field errors; 429 with Retry-After. The <c>Idempotency-Key</c> header makes a retry return the
/// first result. JSON, or <c>multipart/form-data</c> with the JSON in part <c>letter</c> and up to 5 <c>files</c>
/// (<see cref="LetterUpload"/>): the files are stored first; a letter that is not filed leaves none behind.
/// </summary>
public sealed class FileCaseEndpoint(FileCaseUseCase.Handler handler, AttachmentUploads uploads)
{
    public const string Name = "FileCase";

    [Function(Name)]
    [FunctionAccess(Audience.Public, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var upload = LetterUpload.IsMultipart(req)
            ? await LetterUpload.ReadAsync(req, uploads, cancellationToken).ConfigureAwait(false)
            : null;
        var filed = false;
        try
        {
            var letter = (upload is null
                ? await req.ReadJsonAsync<Letter>(cancellationToken).ConfigureAwait(false)
                : upload.LetterJson is { Length: > 0 } json ? req.ParseJson<Letter>(Encoding.UTF8.GetBytes(json)) : null) ?? new();
            var command = letter.ToCommand(req.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null, req.ClientAddress());
            if (upload is { Errors.Count: > 0 })
            {
                // the letter's own errors too, so the citizen corrects everything at once
                var letterErrors = handler.ErrorsOf(command);
                return UseCaseResults.Problem(req.HttpContext, UseCaseProblem.Invalid([.. upload.Errors, .. letterErrors]));
            }

            var result = await handler.FileAsync(command, FileCaseUseCase.Intake.Online(upload?.Files), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return UseCaseResults.Problem(req.HttpContext, result.Problem!);
            }

            filed = !result.Value!.Replayed;
            return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(result.Value.TrackingCode)}", result.Value);
        }
        finally
        {
            if (!filed && upload is { Files.Count: > 0 })
            {
                await uploads.DiscardAsync(upload.Files).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The JSON body of docs/api.md.</summary>
    internal sealed record Letter(
        string? Kind = null,
        string? UnitId = null,
        string? Title = null,
        string? Content = null,
        FileCaseUseCase.PersonInput? Citizen = null,
        FileCaseUseCase.ConcerningInput? Concerning = null,
        string? Channel = null,
        string? ZaloRef = null,
        IReadOnlyList<FileCaseUseCase.PersonInput>? CoSigners = null,
        int? Instance = null,
        string? ReceivedOn = null)
    {
        public FileCaseUseCase.Command ToCommand(string? idempotencyKey, string? clientAddress) =>
            new(Kind, UnitId, Title, Content, Citizen, Concerning, Channel, ZaloRef, CoSigners, Instance, idempotencyKey, clientAddress);
    }
}
