namespace Petitions.Core.Notifications;

/// <summary>A provider's word on whether a message reached the handset.</summary>
/// <param name="Channel">Which channel reports.</param>
/// <param name="ProviderMessageId">The provider's id of the message (ACS messageId, ZNS msg_id).</param>
/// <param name="Delivered">True when delivered; false when the provider gave up.</param>
/// <param name="Status">The provider's status word (e.g. <c>Delivered</c>, <c>Failed</c>).</param>
/// <param name="ReceivedAt">When the provider says it got the report.</param>
public sealed record DeliveryReport(ChannelKind Channel, string ProviderMessageId, bool Delivered, string Status, DateTimeOffset ReceivedAt);
