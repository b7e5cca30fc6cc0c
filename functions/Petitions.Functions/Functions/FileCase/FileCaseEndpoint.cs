using Microsoft.Azure.Functions.Worker;
using Petitions.Functions.App;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.Functions.FileCase;

/// <summary>
/// <c>POST /api/cases</c>: 201 with <c>{ trackingCode, status, receivedAt, acknowledgeBy }</c> and a Location; 400 with
/// field errors; 429 with Retry-After. The <c>Idempotency-Key</c> header makes a retry return the first result.
/// </summary>
public sealed class FileCaseEndpoint(Core.UseCases.Intake.FileCase.Handler handler)
{
    public const string Name = "FileCase";

    [Function(Name)]
    [FunctionAccess(Audience.Public, NeedsStorage = true)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var letter = await req.ReadJsonAsync<Letter>(cancellationToken).ConfigureAwait(false) ?? new();
        var command = new Core.UseCases.Intake.FileCase.Command(
            letter.Kind, letter.UnitId, letter.Title, letter.Content, letter.Citizen, letter.Concerning, letter.Channel, letter.ZaloRef,
            letter.CoSigners, letter.Instance, req.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null,
            req.ClientAddress());
        var result = await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return UseCaseResults.Problem(req.HttpContext, result.Problem!);
        }

        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(result.Value!.TrackingCode)}", result.Value);
    }

    /// <summary>The JSON body of docs/api.md.</summary>
    internal sealed record Letter(
        string? Kind = null,
        string? UnitId = null,
        string? Title = null,
        string? Content = null,
        Core.UseCases.Intake.FileCase.PersonInput? Citizen = null,
        Core.UseCases.Intake.FileCase.ConcerningInput? Concerning = null,
        string? Channel = null,
        string? ZaloRef = null,
        IReadOnlyList<Core.UseCases.Intake.FileCase.PersonInput>? CoSigners = null,
        int? Instance = null);
}
