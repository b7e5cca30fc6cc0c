using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.LegalClock;
using Petitions.Core.Organisation;
using Petitions.Core.Ports;
using Petitions.Core.UseCases.Common;
using Petitions.Core.UseCases.Escalations;
using Petitions.Core.UseCases.Intake;
using Petitions.Core.UseCases.Lookup;
using Petitions.Core.UseCases.Processing;
using Petitions.Core.UseCases.Staff;
using Petitions.Infrastructure.Attachments;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Privacy;
using Petitions.Infrastructure.Storage;

namespace Petitions.Infrastructure.Cases;

/// <summary>Registers case handling: settings (validated at start), stores, the relay and every use case.</summary>
public static class CaseHandlingServiceCollectionExtensions
{
    /// <summary>
    /// Adds case handling. Reads <c>CaseHandling</c>, <c>CaseHandling:Storage</c>, <c>Security</c>, the flat trigger settings and
    /// <c>Organisation:Path</c> (the demo province when unset), all validated at start with messages naming the
    /// setting. Needs a <see cref="TimeProvider"/> from the composition root; adds storage (AzureWebJobsStorage)
    /// and the legal clock when they are not registered yet.
    /// </summary>
    public static IServiceCollection AddCaseHandling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPetitionsStorage(configuration);
        services.AddPetitionsSettings(configuration);

        services.AddLegalClock();
        services.AddValidatedSettings<CaseHandlingSettings>(configuration.GetSection(CaseHandlingSettings.SectionName), s => s.Problems());
        services.AddValidatedSettings<CaseStorageSettings>(configuration.GetSection(CaseStorageSettings.SectionName), s => s.Problems());
        services.AddValidatedSettings<SecuritySettings>(configuration.GetSection(SecuritySettings.SectionName), s => s.Problems());
        services.TryAddSingleton(_ => configuration["Organisation:Path"] is { Length: > 0 } path
            ? OrganisationLoader.LoadFile(path)
            : OrganisationLoader.LoadDemo());

        services.TryAddSingleton<ICitizenDataProtector>(sp => new FieldProtector(sp.GetRequiredService<SecuritySettings>()));
        services.TryAddSingleton<IWorkSender>(sp => new QueueWorkSender(sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<TriggerSettings>()));
        services.TryAddSingleton<ICaseStore>(sp => new TableCaseStore(Table(sp, n => n.CasesTable)));
        services.TryAddSingleton<ICaseIndex>(sp => new TableCaseIndex(Table(sp, n => n.IndexTable)));
        services.TryAddSingleton<IIntakeGuards>(sp => new TableIntakeGuards(Table(sp, n => n.GuardsTable)));
        services.TryAddSingleton<INotificationRequests>(sp => new TableNotificationRequests(Table(sp, n => n.NotificationsTable), sp.GetRequiredService<IWorkSender>()));
        services.TryAddSingleton(sp => new CaseStorageInitializer(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<CaseStorageSettings>(), sp.GetRequiredService<TriggerSettings>(), sp.GetRequiredService<BlobServiceClient>()));

        services.TryAddSingleton<CaseIndexEntries>();
        services.TryAddSingleton<CaseWriter>();
        services.TryAddSingleton<StaffWatch>();
        services.TryAddSingleton<CaseActions>();
        services.TryAddSingleton<StaffCaseViews>();
        services.TryAddSingleton<StaffActionRunner>();
        services.TryAddSingleton<FileCase.Handler>();
        services.TryAddSingleton<EnterCounterLetter.Handler>();
        services.TryAddSingleton<LookupCase.Handler>();
        services.TryAddSingleton<ProcessCase.Handler>();
        services.TryAddSingleton<RelayOutbox.Handler>();
        services.TryAddSingleton<SweepEscalations.Handler>();
        services.TryAddSingleton<FireEscalations.Handler>();
        services.TryAddSingleton<Core.UseCases.Inbox.GetInbox.Handler>();
        services.TryAddSingleton<Core.UseCases.Inbox.ReadInboxItem.Handler>();
        services.TryAddSingleton<ListCases.Handler>();
        services.TryAddSingleton<GetCaseDetail.Handler>();
        services.TryAddSingleton<ClassifyCase.Handler>();
        services.TryAddSingleton<ReassignCase.Handler>();
        services.TryAddSingleton<ReassignCases.Handler>();
        services.TryAddSingleton<GetHeadDesk.Handler>();
        services.TryAddSingleton<GiveInstruction.Handler>();
        services.TryAddSingleton<GetWatch.Handler>();
        services.TryAddSingleton<MarkCaseComplex.Handler>();
        services.TryAddSingleton<ExtendCase.Handler>();
        services.TryAddSingleton<SuspendCase.Handler>();
        services.TryAddSingleton<ResumeCase.Handler>();
        services.TryAddSingleton<ResolveCase.Handler>();
        services.TryAddSingleton<CloseCase.Handler>();
        services.TryAddSingleton<WithdrawCase.Handler>();
        services.TryAddSingleton<RecordFilingObstacle.Handler>();
        services.AddAttachments();
        return services;
    }

    /// <summary>A table of case handling, from the registered <see cref="TableServiceClient"/>.</summary>
    private static TableClient Table(IServiceProvider sp, Func<CaseStorageSettings, string> name) =>
        sp.GetRequiredService<TableServiceClient>().GetTableClient(name(sp.GetRequiredService<CaseStorageSettings>()));

}
