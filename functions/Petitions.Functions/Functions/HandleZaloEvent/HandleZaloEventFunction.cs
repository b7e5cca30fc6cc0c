using System.Text;
using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;
using Petitions.Infrastructure.Notifications.Zalo;

namespace Petitions.Functions.Functions.HandleZaloEvent;

/// <summary>
/// Queue <c>%ZaloEventsQueueName%</c> (raw, already verified webhook events): a <c>user_send_text</c> gets the OA
/// customer-service reply with the link to our form, marked <c>channel=zalo</c> and carrying the signed reference
/// of the Zalo user. Other events are ignored.
/// </summary>
public sealed partial class HandleZaloEventFunction(ZaloOptions zalo, ZaloUserReference references, IZaloOaClient oa, ILogger<HandleZaloEventFunction> logger)
{
    public const string Name = "HandleZaloEvent";

    [Function(Name)]
    public async Task RunAsync([QueueTrigger("%ZaloEventsQueueName%")] string message, CancellationToken cancellationToken)
    {
        var zaloEvent = ZaloWebhookEvent.Parse(Encoding.UTF8.GetBytes(message));
        if (!zaloEvent.IsUserText || zaloEvent.SenderId is not { } userId)
        {
            LogIgnored(logger, zaloEvent.EventName);
            return;
        }

        var formUrl = zalo.FormUrl ?? throw new InvalidOperationException("Notifications:Zalo:FormUrl is required to answer on Zalo.");
        var link = ZaloFormLink.ForUser(formUrl, references.Create(userId));
        await oa.SendCsMessageAsync(userId, ZaloCsMessage.FormLinkReplyText(link), zaloEvent.MessageId ?? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(message))), cancellationToken)
            .ConfigureAwait(false);
        LogAnswered(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo event {EventName} ignored")]
    private static partial void LogIgnored(ILogger logger, string? eventName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo user message answered with the form link")]
    private static partial void LogAnswered(ILogger logger);
}
