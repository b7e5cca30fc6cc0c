using System.Text;
using Microsoft.Azure.Functions.Worker;
using Petitions.Core.UseCases.Attachments;
using Petitions.Core.UseCases.Intake;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;
using Petitions.Functions.Functions.FileCase;

namespace Petitions.Functions.Functions.EnterCounterLetter;

/// <summary>
/// <c>POST /api/staff/counter/letters</c> (staff, CSRF): a paper letter received at the counter, as JSON or as
/// <c>multipart/form-data</c> (part <c>letter</c>, the letter of <c>POST /api/cases</c> plus <c>receivedOn</c>; parts
/// <c>files</c>, the scanned pages). 201 with the receipt (docs/api.md); 400 with field errors; 403 outside the
/// member's unit. <c>Idempotency-Key</c> as for filing.
/// </summary>
public sealed class EnterCounterLetterEndpoint(Core.UseCases.Intake.EnterCounterLetter.Handler handler, AttachmentUploads uploads)
{
    public const string Name = "EnterCounterLetter";

    [Function(Name)]
    [FunctionAccess(Audience.Staff, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/counter/letters")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var upload = LetterUpload.IsMultipart(req)
            ? await LetterUpload.ReadAsync(req, uploads, cancellationToken).ConfigureAwait(false)
            : null;
        var filed = false;
        try
        {
            var letter = (upload is null
                ? await req.ReadJsonAsync<FileCaseEndpoint.Letter>(cancellationToken).ConfigureAwait(false)
                : upload.LetterJson is { Length: > 0 } json ? req.ParseJson<FileCaseEndpoint.Letter>(Encoding.UTF8.GetBytes(json)) : null) ?? new();
            if (upload is { Errors.Count: > 0 })
            {
                return UseCaseResults.Problem(req.HttpContext, Core.UseCases.Common.UseCaseProblem.Invalid(upload.Errors));
            }

            var command = new Core.UseCases.Intake.EnterCounterLetter.Command(
                req.Staff(), letter.ToCommand(req.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null, null),
                letter.ReceivedOn, upload?.Files);
            var result = await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return UseCaseResults.Problem(req.HttpContext, result.Problem!);
            }

            filed = !result.Value!.Replayed;
            return TypedResults.Created($"/api/staff/cases/{Uri.EscapeDataString(result.Value.TrackingCode)}", result.Value);
        }
        finally
        {
            if (!filed && upload is { Files.Count: > 0 })
            {
                await uploads.DiscardAsync(upload.Files).ConfigureAwait(false);
            }
        }
    }
}
