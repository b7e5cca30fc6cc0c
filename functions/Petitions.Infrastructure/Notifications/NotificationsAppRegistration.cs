using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Cases;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Notifications.Cases;
using Petitions.Infrastructure.Notifications.Reception;
using Petitions.Infrastructure.Notifications.Zalo;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Notifications;

/// <summary>
/// The notification side of the app: channels (<see cref="NotificationsRegistration.AddNotificationChannels"/>),
/// the dispatch records and staff inbox in table <c>Notifications</c> (beside case handling's request rows), the
/// recipient resolver, the catalogue (lookup base from <c>Public:BaseUrl</c>) and the Zalo OA client.
/// Needs case handling (<c>AddCaseHandling</c>: case store, field protector, organisation, work sender, storage
/// names), resolved only when a notification is handled, so the app composes them in either order.
/// </summary>
public static class NotificationsAppRegistration
{
    /// <summary>Path appended to <c>Public:BaseUrl</c> for the short lookup link (<c>{base}/t/{code}</c>).</summary>
    public const string LookupPath = "/t/";

    /// <summary>Path appended to <c>Public:BaseUrl</c> for the short booking link of a reception offer (<c>{base}/r/{code}</c>).</summary>
    public const string OfferPath = "/r/";

    /// <summary>Default public address (development).</summary>
    public const string DefaultBaseUrl = "http://localhost:7071";

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddNotificationChannels(configuration);
        var lookupBase = LookupBase(configuration);
        var offerBase = lookupBase[..^LookupPath.Length] + OfferPath;
        services.TryAddSingleton(_ => new NotificationCatalogue(lookupBase, offerBase));
        services.TryAddSingleton(sp => NotificationsTable(sp));
        services.TryAddSingleton<INotificationStore>(sp => new TableNotificationStore(sp.GetRequiredService<NotificationsTableClient>().Table));
        services.TryAddSingleton(sp => new NotificationRequestRows(sp.GetRequiredService<NotificationsTableClient>().Table));
        services.TryAddSingleton(sp => new StaffInbox(sp.GetRequiredService<NotificationsTableClient>().Table, sp.GetRequiredService<TimeProvider>()));
        // Factories (not constructor injection): the case-handling services they need are checked when a notification
        // is handled, not when the container is built, so hosts without case handling (runtime tests) still start.
        services.TryAddSingleton<IWorkSender>(sp => new QueueWorkSender(sp.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>(), sp.GetRequiredService<CaseStorageSettings>()));
        // Case citizens (citizen:<caseId>) and reception bookings (booking:<sessionId>:<code>); the bookings port is
        // resolved when a notification is handled (reception may be composed after notifications).
        services.TryAddSingleton<IRecipientResolver>(sp => new CompositeRecipientResolver(
        [
            ActivatorUtilities.CreateInstance<CaseNotificationRecipients>(sp),
            new ReceptionBookingRecipients(sp.GetRequiredService<IReceptionBookings>()),
        ]));
        services.TryAddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<INotificationStore>(),
            sp.GetRequiredService<NotificationChannels>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<NotificationDispatcher>>(),
            recipients: sp.GetRequiredService<IRecipientResolver>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<CaseMessages>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReceptionBookingMessages>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<CaseNotifications>(sp));
        services.TryAddSingleton(sp => new ZaloUserReference(
            sp.GetRequiredService<ZaloOptions>().OaSecretKey ?? string.Empty, sp.GetRequiredService<TimeProvider>()));
        var zalo = configuration.GetSection("Notifications:Zalo");
        if (isDevelopment && string.IsNullOrWhiteSpace(zalo["AccessToken"]))
        {
            services.TryAddSingleton<IZaloOaClient, DevelopmentZaloOaClient>();
        }
        else
        {
            services.AddHttpClient<IZaloOaClient, HttpZaloOaClient>();
        }

        return services;
    }

    /// <summary><c>Public:BaseUrl</c> (default <see cref="DefaultBaseUrl"/>) + <see cref="LookupPath"/>.</summary>
    public static string LookupBase(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var baseUrl = configuration["Public:BaseUrl"] is { Length: > 0 } configured ? configured : DefaultBaseUrl;
        return baseUrl.TrimEnd('/') + LookupPath;
    }

    private static NotificationsTableClient NotificationsTable(IServiceProvider sp) =>
        new(sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<CaseStorageSettings>().NotificationsTable));
}

/// <summary>The <c>Notifications</c> table client shared by the dispatch records, request reader and staff inbox.</summary>
public sealed record NotificationsTableClient(TableClient Table);
