using Petitions.Core.Notifications;

namespace Petitions.Infrastructure.Notifications.Sms;

/// <summary>
/// The seam for SMS providers. A Vietnamese brandname aggregator is one new subclass marked
/// <c>[SmsProvider("Name")]</c> with a constructor taking what it needs from DI plus its
/// configuration section (<c>Notifications:Sms:&lt;Name&gt;</c>); setting
/// <c>Notifications__Sms__Provider=Name</c> selects it (see <see cref="NotificationsRegistration"/>).
/// </summary>
public abstract class SmsProviderChannel : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.Sms;

    public abstract string Name { get; }

    public abstract bool DeduplicatesRetries { get; }

    /// <summary>SMS carries every template as plain text.</summary>
    public bool CanSend(string templateKey) => true;

    public abstract Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>Names an <see cref="SmsProviderChannel"/> for <c>Notifications__Sms__Provider</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SmsProviderAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
