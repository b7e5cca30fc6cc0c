using Microsoft.AspNetCore.Mvc;
using Petitions.Core.UseCases.Intake;
using Petitions.Functions.App;
using Petitions.Functions.Runtime;

namespace Petitions.Functions.Functions.FileCase;

/// <summary>
/// <c>POST /api/cases</c>: 201 with <c>{ trackingCode, status, receivedAt, acknowledgeBy }</c> and a Location; 400 with
/// field errors; 429 with Retry-After. The <c>Idempotency-Key</c> header makes a retry return the first result.
/// </summary>
internal static class FileCaseEndpoint
{
    public const string Name = "FileCase";

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("api/cases", HandleAsync);

    public static async Task<IResult> HandleAsync(
        HttpContext http, [FromBody] Letter? letter, Core.UseCases.Intake.FileCase.Handler handler, RuntimeMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(mode);
        letter ??= new();
        var command = new Core.UseCases.Intake.FileCase.Command(
            letter.Kind, letter.UnitId, letter.Title, letter.Content, letter.Citizen, letter.Concerning, letter.Channel, letter.ZaloRef,
            letter.CoSigners, letter.Instance, http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null,
            ClientAddress.Of(http, mode));
        var result = await handler.HandleAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return UseCaseResults.Problem(http, result.Problem!);
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

/// <summary>
/// The client's address for the flood limit. Standalone: the connection's remote address (nothing in front of the app
/// can be trusted to set a header). Under the Functions host: the first <c>X-Forwarded-For</c> entry, which the
/// platform's front end sets (the connection itself then comes from the host on 127.0.0.1).
/// </summary>
internal static class ClientAddress
{
    public static string? Of(HttpContext http, RuntimeMode mode)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(mode);
        if (mode.IsUnderFunctionsHost && http.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var first = forwarded.Split(',')[0].Trim();

            // "ip:port" (IPv4) as the platform sends it, or a bare address.
            if (System.Net.IPEndPoint.TryParse(first, out var endpoint))
            {
                return endpoint.Address.ToString();
            }

            return first.Length is > 0 and <= 64 ? first : null;
        }

        return http.Connection.RemoteIpAddress?.ToString();
    }
}
