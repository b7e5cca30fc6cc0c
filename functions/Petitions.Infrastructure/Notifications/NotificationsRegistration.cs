using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Petitions.Core.Notifications;
using Petitions.Infrastructure.Notifications.Sms;
using Petitions.Infrastructure.Notifications.Zalo;

namespace Petitions.Infrastructure.Notifications;

/// <summary>
/// Wires the notification channels from configuration section <c>Notifications</c>:
/// <c>Sms:Provider</c> names an <see cref="SmsProviderChannel"/> subclass by its <see cref="SmsProviderAttribute"/>
/// (its constructor may take an <see cref="IConfigurationSection"/>: <c>Sms:&lt;Provider&gt;</c>); ZNS is added when <c>Zalo:AccessToken</c> is set.
/// Needs a <see cref="TimeProvider"/> and logging registered by the composition root.
/// </summary>
public static class NotificationsRegistration
{
    public static IServiceCollection AddNotificationChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Notifications");
        var providerName = section["Sms:Provider"] ?? "Sink";
        var providerType = FindSmsProvider(providerName);

        var zalo = new ZaloOptions();
        section.GetSection("Zalo").Bind(zalo);

        services.AddSingleton(zalo);
        services.TryAddSingleton<DevelopmentOutbox>();
        var providerSection = section.GetSection("Sms").GetSection(providerName);
        var takesSection = providerType.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IConfigurationSection)));
        services.AddSingleton(sp => (SmsProviderChannel)(takesSection
            ? ActivatorUtilities.CreateInstance(sp, providerType, providerSection)
            : ActivatorUtilities.CreateInstance(sp, providerType)));
        services.AddSingleton(sp => new NotificationChannels(
            sp.GetRequiredService<SmsProviderChannel>(),
            zalo.ZnsEnabled ? new ZaloZnsChannel(zalo, sp.GetRequiredService<ILogger<ZaloZnsChannel>>()) : null));
        return services;
    }

    /// <summary>The provider class named <paramref name="name"/> (case-insensitive), or a clear error listing the known names.</summary>
    public static Type FindSmsProvider(string name)
    {
        var providers = typeof(SmsProviderChannel).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SmsProviderChannel)) && !t.IsAbstract)
            .Select(t => (Type: t, Name: t.GetCustomAttribute<SmsProviderAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .ToList();
        return providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Type
            ?? throw new InvalidOperationException(
                $"Notifications:Sms:Provider '{name}' is unknown; known: {string.Join(", ", providers.Select(p => p.Name))}.");
    }
}
