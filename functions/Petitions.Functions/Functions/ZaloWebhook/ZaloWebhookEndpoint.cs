using Microsoft.Azure.Functions.Worker;
using Petitions.Core.Ports;
using Petitions.Functions.App.Http;
using Petitions.Infrastructure.Notifications.Zalo;

namespace Petitions.Functions.Functions.ZaloWebhook;

/// <summary>
/// <c>POST /api/zalo/webhook</c>: checks <c>X-ZEvent-Signature</c> over the raw body bytes (401 problem when missing or
/// wrong), then queues the raw event on the queue of <c>ZaloEventsQueueName</c> and answers 200 at once; <c>HandleZaloEvent</c> replies.
/// </summary>
public sealed class ZaloWebhookEndpoint(ZaloOptions zalo, IWorkSender queues)
{
    public const string Name = "ZaloWebhook";

    /// <summary>Longest body taken (Zalo events are small).</summary>
    private const int MaxBody = 64 * 1024;

    [Function(Name)]
    [FunctionAccess(Audience.Public)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/zalo/webhook")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxBody)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The event is too large.");
        }

        var raw = buffer.ToArray();
        if (!Verified(raw, request.Headers[ZaloSignature.HeaderName].ToString(), zalo))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "The Zalo signature is missing or wrong.",
                type: "https://petitions.example/problems/zalo.signature");
        }

        await queues.SendAsync(CaseQueues.ZaloEvents, System.Text.Encoding.UTF8.GetString(raw), null, cancellationToken).ConfigureAwait(false);
        return Results.Ok();
    }

    private static bool Verified(byte[] raw, string header, ZaloOptions zalo)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(zalo.AppId) || string.IsNullOrEmpty(zalo.OaSecretKey))
        {
            return false;
        }

        ZaloWebhookEvent parsed;
        try
        {
            parsed = ZaloWebhookEvent.Parse(raw);
        }
        catch (FormatException)
        {
            return false;
        }

        return ZaloSignature.Verify(zalo.AppId, raw, parsed.Timestamp, zalo.OaSecretKey, header);
    }
}
