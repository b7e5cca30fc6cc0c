using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Calendar;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Reception;
using Petitions.Functions.Functions.Reception;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Reception;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.App;

/// <summary>
/// Reception days (issue 9): schedules (<c>Reception:SchedulesPath</c>, else the embedded demo), validated against
/// the organisation at start; the booking table (<c>Reception:BookingsTable</c>); links from the public site.
/// </summary>
internal static class ReceptionComposition
{
    /// <summary>
    /// Adds reception. Needs case handling (<c>AddCaseHandling</c>: organisation, case store, writer, notification
    /// requests) and the working calendar in the same composition (<see cref="PetitionsComposition.AddPetitions"/>).
    /// </summary>
    public static IServiceCollection AddReception(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ReceptionConfiguration>(configuration.GetSection(ReceptionConfiguration.SectionName), s => s.Problems());
        services.TryAddSingleton(sp => new ReceptionSettings(sp.GetRequiredService<PublicSiteSettings>().Origin));
        services.TryAddSingleton(sp =>
        {
            var chart = sp.GetRequiredService<OrganisationChart>();
            var json = sp.GetRequiredService<ReceptionConfiguration>().SchedulesPath is { Length: > 0 } schedulesPath
                ? File.ReadAllText(schedulesPath)
                : ReceptionDirectory.DemoJson();
            return new ReceptionDirectory(ReceptionDirectory.ReadSchedules(json, chart), chart, sp.GetRequiredService<IWorkingCalendar>());
        });
        services.TryAddSingleton<IReceptionBookings>(sp => new ReceptionBookingsOnDemand(new TableReceptionBookingStore(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(sp.GetRequiredService<ReceptionConfiguration>().BookingsTable),
            sp.GetRequiredService<ILogger<TableReceptionBookingStore>>(),
            protector: sp.GetRequiredService<ICitizenDataProtector>())));
        services.TryAddSingleton<IReceptionSessionChanges>(sp => new ReceptionSessionChangesOnDemand(new TableReceptionSessionChanges(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(sp.GetRequiredService<ReceptionConfiguration>().BookingsTable),
            sp.GetRequiredService<ICitizenDataProtector>())));
        services.TryAddSingleton<ReceptionCalendar>();
        services.TryAddSingleton<ReceptionNotices>();
        services.TryAddSingleton<ReceptionOffers>();
        services.TryAddSingleton<Core.UseCases.Reception.BookReception.Handler>();
        services.TryAddSingleton<Core.UseCases.Reception.CancelReceptionBooking.Handler>();
        services.TryAddSingleton<Core.UseCases.Reception.AddReceptionWalkIn.Handler>();
        services.TryAddSingleton<Core.UseCases.Reception.GetReceptionAgenda.Handler>();
        services.TryAddSingleton<Core.UseCases.Reception.RecordReceptionMeeting.Handler>();
        services.TryAddSingleton<Core.UseCases.Reception.SendReceptionReminders.Handler>();
        services.TryAddSingleton<Core.UseCases.Reception.CancelReceptionSession.Handler>();
        services.TryAddSingleton<Core.UseCases.Reception.RecordUnscheduledReception.Handler>();
        services.AddHostedService<ReceptionStartup>();
        return services;
    }

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
