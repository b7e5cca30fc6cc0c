using System.Text;
using Petitions.Functions.Runtime.Registry;
using Petitions.Infrastructure.Notifications.Zalo;

namespace Petitions.Functions.Functions.HandleZaloEvent;

/// <summary>
/// Queue <c>zalo-events</c> (raw, already verified webhook events): a <c>user_send_text</c> gets the OA
/// customer-service reply with the link to our form, marked <c>channel=zalo</c> and carrying the signed reference
/// of the Zalo user. Other events are ignored.
/// </summary>
internal sealed class HandleZaloEventFunction(ZaloOptions zalo, ZaloUserReference references, IZaloOaClient oa) : IQueueFunction
{
    public const string Name = "HandleZaloEvent";

    public async Task RunAsync(QueueTriggerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var zaloEvent = ZaloWebhookEvent.Parse(Encoding.UTF8.GetBytes(message.MessageText));
        if (!zaloEvent.IsUserText || zaloEvent.SenderId is not { } userId)
        {
            message.Log.Add($"Zalo event {zaloEvent.EventName} ignored");
            return;
        }

        var formUrl = zalo.FormUrl ?? throw new InvalidOperationException("Notifications:Zalo:FormUrl is required to answer on Zalo.");
        var link = ZaloFormLink.ForUser(formUrl, references.Create(userId));
        await oa.SendCsMessageAsync(userId, ZaloCsMessage.FormLinkReplyText(link), zaloEvent.MessageId ?? message.MessageId, cancellationToken)
            .ConfigureAwait(false);
        message.Log.Add("Zalo user message answered with the form link");
    }
}
