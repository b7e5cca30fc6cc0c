using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Rating;
using Petitions.Core.UseCases.Reports;
using Petitions.Infrastructure.Cases;

namespace Petitions.Infrastructure.Reports;

/// <summary>Registers the reporting store (table <c>CaseHandling:Storage:ReportsTable</c>), its projection and the report and rating use cases.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds reports and ratings; needs case handling (<see cref="CaseHandlingServiceCollectionExtensions.AddCaseHandling"/>).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IReportStore>(sp => new TableReportStore(Table(sp, n => n.ReportsTable)));
        services.TryAddSingleton<ICaseCatalogue>(sp => new TableCaseCatalogue(Table(sp, n => n.CasesTable)));
        services.TryAddSingleton<ProjectCaseReport>();
        services.TryAddSingleton<ReportReader>();
        services.TryAddSingleton<RebuildReports.Handler>();
        services.TryAddSingleton<GetUnitReport.Handler>();
        services.TryAddSingleton<ListReportCases.Handler>();
        services.TryAddSingleton<GetLeagueTable.Handler>();
        services.TryAddSingleton<GetPublicPerformance.Handler>();
        services.TryAddSingleton<RateCase.Handler>();
        return services;
    }

    private static TableClient Table(IServiceProvider sp, Func<CaseStorageSettings, string> name) =>
        sp.GetRequiredService<TableServiceClient>().GetTableClient(name(sp.GetRequiredService<CaseStorageSettings>()));
}
