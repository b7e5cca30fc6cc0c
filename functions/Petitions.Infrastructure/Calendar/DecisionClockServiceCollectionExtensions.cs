using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Calendar;
using Petitions.Core.UseCases.Staff;

namespace Petitions.Infrastructure.Calendar;

/// <summary>Registers the issue-16 pieces that case handling does not register itself.</summary>
public static class DecisionClockServiceCollectionExtensions
{
    /// <summary>
    /// Adds the staff actions on the decision clocks (<see cref="RecordClockAction.Handler"/>), the calendar move
    /// (<see cref="MoveDeadlinesForCalendar.Handler"/>) and its start-up check (<see cref="RecomputeCalendarOnStart.Handler"/>)
    /// with the year hashes in table <paramref name="tableName"/> (<see cref="TableCalendarVersions"/>). Call it after
    /// <c>AddCaseHandling</c>, which provides the storage clients, the legal clock and the staff-action runner.
    /// </summary>
    public static IServiceCollection AddDecisionClocks(this IServiceCollection services, string tableName = TableCalendarVersions.DefaultTableName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        services.TryAddSingleton<ICalendarVersions>(sp => new TableCalendarVersions(sp.GetRequiredService<TableServiceClient>().GetTableClient(tableName)));
        services.TryAddSingleton<RecordClockAction.Handler>();
        services.TryAddSingleton<MoveDeadlinesForCalendar.Handler>();
        services.TryAddSingleton<RecomputeCalendarOnStart.Handler>();
        return services;
    }
}
