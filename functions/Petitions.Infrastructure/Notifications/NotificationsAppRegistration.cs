using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Petitions.Core.Notifications;
using Petitions.Core.Ports;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Configuration;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Notifications.Cases;
using Petitions.Infrastructure.Notifications.Reception;
using Petitions.Infrastructure.Notifications.Sms;
using Petitions.Infrastructure.Notifications.Zalo;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Notifications;

/// <summary>
/// The notification side of the app: channels (<see cref="NotificationsRegistration.AddNotificationChannels"/>),
/// the dispatch records and staff inbox in table <c>Notifications</c> (beside case handling's request rows), the
/// recipient resolver, the catalogue (links from <see cref="PublicSiteSettings"/>) and the Zalo OA client.
/// Needs case handling (<c>AddCaseHandling</c>: case store, field protector, organisation, work sender, storage
/// names) and reception's bookings port in the same composition.
/// </summary>
public static class NotificationsAppRegistration
{
    /// <summary>Path appended to <c>Public:BaseUrl</c> for the short lookup link (<c>{base}/t/{code}</c>).</summary>
    public const string LookupPath = "/t/";

    /// <summary>Path appended to <c>Public:BaseUrl</c> for the short booking link of a reception offer (<c>{base}/r/{code}</c>).</summary>
    public const string OfferPath = "/r/";

    /// <summary>Path appended to <c>Public:BaseUrl</c> for the short link of the rating page (<c>{base}/d/{code}</c>, đánh giá).</summary>
    public const string RatingPath = "/d/";

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // The sink's record is durable (beside the dispatch records), so a send repeated after a restart is a no-op as with ACS.
        services.TryAddSingleton(sp => new DevelopmentOutbox(sp.GetRequiredService<NotificationsTableClient>().Table));
        services.AddNotificationChannels(configuration);
        services.AddPetitionsSettings(configuration);
        services.TryAddSingleton(sp =>
        {
            var site = sp.GetRequiredService<PublicSiteSettings>();
            return new NotificationCatalogue(site.Origin + LookupPath, site.Origin + OfferPath, site.Origin + RatingPath);
        });
        services.TryAddSingleton(sp => NotificationsTable(sp));
        services.TryAddSingleton<INotificationStore>(sp => new TableNotificationStore(sp.GetRequiredService<NotificationsTableClient>().Table));
        services.TryAddSingleton(sp => new NotificationRequestRows(sp.GetRequiredService<NotificationsTableClient>().Table));
        services.TryAddSingleton<IStaffInbox>(sp => new StaffInbox(sp.GetRequiredService<NotificationsTableClient>().Table));
        services.TryAddSingleton(sp => new StaffNotices(sp.GetRequiredService<PublicSiteSettings>().Origin));
        // Case citizens (citizen:<caseId>), reception bookings (booking:<sessionId>:<code>) and staff (staff:<id>).
        services.TryAddSingleton<IRecipientResolver>(sp => new CompositeRecipientResolver(
        [
            ActivatorUtilities.CreateInstance<CaseNotificationRecipients>(sp),
            new ReceptionBookingRecipients(sp.GetRequiredService<IReceptionBookings>()),
            ActivatorUtilities.CreateInstance<StaffRecipients>(sp),
        ]));
        services.TryAddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<INotificationStore>(),
            sp.GetRequiredService<NotificationChannels>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<NotificationDispatcher>>(),
            recipients: sp.GetRequiredService<IRecipientResolver>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<CaseMessages>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReceptionBookingMessages>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<NotifyStaff.Handler>(sp));
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

    private static NotificationsTableClient NotificationsTable(IServiceProvider sp) =>
        new(sp.GetRequiredService<TableServiceClient>().GetTableClient(sp.GetRequiredService<CaseStorageSettings>().NotificationsTable));
}

/// <summary>The <c>Notifications</c> table client shared by the dispatch records, request reader and staff inbox.</summary>
public sealed record NotificationsTableClient(TableClient Table);
