namespace Petitions.Core.Notifications;

/// <summary>The configured channels: SMS always, Zalo ZNS when configured (tried first).</summary>
public sealed record NotificationChannels(INotificationChannel Sms, INotificationChannel? Zalo = null)
{
    public INotificationChannel Get(ChannelKind kind) =>
        kind == ChannelKind.Sms ? Sms : Zalo ?? throw new InvalidOperationException("Zalo is not configured.");

    /// <summary>The channels in order of preference that can send <paramref name="templateKey"/>.</summary>
    public IEnumerable<INotificationChannel> InOrder(string templateKey)
    {
        if (Zalo is not null && Zalo.CanSend(templateKey))
        {
            yield return Zalo;
        }

        if (Sms.CanSend(templateKey))
        {
            yield return Sms;
        }
    }
}
