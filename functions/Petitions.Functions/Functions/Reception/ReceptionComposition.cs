using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Calendar;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Reception;
using Petitions.Infrastructure.Reception;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.Functions.Reception;

/// <summary>
/// Reception days (issue 9): schedules (<c>Reception:SchedulesPath</c>, else the embedded demo), validated against
/// the organisation at start; the booking table (<c>Reception:BookingsTable</c>); links from <c>Public:BaseUrl</c>.
/// </summary>
internal static class ReceptionComposition
{
    /// <summary>Where the schedules are read from.</summary>
    public const string SchedulesPathSetting = "Reception:SchedulesPath";

    /// <summary>The booking table.</summary>
    public const string BookingsTableSetting = "Reception:BookingsTable";

    /// <summary>The public site's base URL.</summary>
    public const string PublicBaseUrlSetting = "Public:BaseUrl";

    /// <summary>Default of <see cref="PublicBaseUrlSetting"/> (the standalone app).</summary>
    public const string DefaultPublicBaseUrl = "http://localhost:7071";

    /// <summary>
    /// Adds reception. Needs case handling (<c>AddCaseHandling</c>: case store, writer, notification requests) for
    /// booking notifications, agendas, meeting records and escalation offers; the organisation and the working
    /// calendar are added here when missing, so that the schedules are validated at start.
    /// </summary>
    public static IServiceCollection AddReception(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLegalClock();
        services.TryAddSingleton(_ => configuration["Organisation:Path"] is { Length: > 0 } path
            ? OrganisationLoader.LoadFile(path)
            : OrganisationLoader.LoadDemo());
        services.TryAddSingleton(new ReceptionSettings(configuration[PublicBaseUrlSetting] is { Length: > 0 } url ? url : DefaultPublicBaseUrl));
        services.TryAddSingleton(sp =>
        {
            var chart = sp.GetRequiredService<OrganisationChart>();
            var json = configuration[SchedulesPathSetting] is { Length: > 0 } path ? File.ReadAllText(path) : ReceptionDirectory.DemoJson();
            return new ReceptionDirectory(ReceptionDirectory.ReadSchedules(json, chart), chart, sp.GetRequiredService<IWorkingCalendar>());
        });
        services.TryAddSingleton<IReceptionBookings>(sp => new ReceptionBookingsOnDemand(new TableReceptionBookingStore(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(
                configuration[BookingsTableSetting] is { Length: > 0 } name ? name : TableReceptionBookingStore.DefaultTableName),
            sp.GetRequiredService<ILogger<TableReceptionBookingStore>>(),
            protector: sp.GetRequiredService<ICitizenDataProtector>())));
        services.TryAddSingleton<IReceptionSessionChanges>(sp => new ReceptionSessionChangesOnDemand(new TableReceptionSessionChanges(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(
                configuration[BookingsTableSetting] is { Length: > 0 } name ? name : TableReceptionBookingStore.DefaultTableName),
            sp.GetRequiredService<ICitizenDataProtector>())));
        services.TryAddSingleton<ReceptionCalendar>();
        services.TryAddSingleton<ReceptionNotices>();
        services.TryAddSingleton<ReceptionOffers>();
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.BookReception.Handler>);
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.CancelReceptionBooking.Handler>);
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.AddReceptionWalkIn.Handler>);
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.GetReceptionAgenda.Handler>);
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.RecordReceptionMeeting.Handler>);
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.SendReceptionReminders.Handler>);
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.CancelReceptionSession.Handler>);
        services.TryAddSingleton(Lazily<Core.UseCases.Reception.RecordUnscheduledReception.Handler>);
        services.AddHostedService<ReceptionStartup>();
        return services;
    }

    /// <summary>
    /// Built when first used, from whatever the composition holds then: the case-handling ports (case store, writer,
    /// notification requests) come from <c>AddCaseHandling</c>, which needs the Security keys, so an app composed
    /// without case handling still starts (the endpoints needing it answer 500 until it is composed).
    /// </summary>
    private static T Lazily<T>(IServiceProvider services) => ActivatorUtilities.CreateInstance<T>(services);

    /// <summary>Loads and validates the schedules at start: a bad file stops the app, naming each problem.</summary>
    private sealed class ReceptionStartup(ReceptionDirectory directory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(directory);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
