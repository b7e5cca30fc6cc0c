using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Calendar;
using Petitions.Core.UseCases;
using Petitions.Functions.App.Http;
using Petitions.Functions.App.Security;
using Petitions.Functions.App.Storage;
using Petitions.Functions.Functions.GetHealth;
using Petitions.Infrastructure.Calendar;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Configuration;
using Petitions.Infrastructure.Notifications;
using Petitions.Infrastructure.Reports;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.App;

/// <summary>The composition root: everything the app needs, registered once, for the worker and for the tests.</summary>
public static class PetitionsComposition
{
    /// <summary>
    /// Registers the application: the clock (the system clock, named here only; in Development an
    /// <see cref="AppClock"/> that <c>POST /dev/clock</c> can move), storage (<c>AzureWebJobsStorage</c>), the flat
    /// trigger settings and the public site, staff sign-in (<c>Auth</c>), case handling, notifications, reception,
    /// the start-up work, the HTTP policy and telemetry. Every setting is bound once and validated at start
    /// (<c>ValidateOnStart</c>): a missing or wrong one stops the app with a sentence naming it.
    /// </summary>
    public static IServiceCollection AddPetitions(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddSingleton(environment.IsDevelopment() ? new AppClock(TimeProvider.System) : TimeProvider.System);

        services.AddPetitionsStorage(configuration);
        services.AddPetitionsSettings(configuration);
        services.AddValidatedSettings<AuthSettings>(configuration.GetSection(AuthSettings.SectionName), s => s.Problems());
        services.AddValidatedSettings<DemoSettings>(configuration.GetSection(DemoSettings.SectionName), _ => []);

        services.AddVietnamWorkingCalendar();
        services.AddCaseHandling(configuration);
        services.AddReports();
        services.AddDecisionClocks();
        services.TryAddSingleton<CalculateDeadline.Handler>();
        services.TryAddSingleton<Core.UseCases.Staff.GetDashboard.Handler>();
        services.AddNotifications(configuration, environment.IsDevelopment());
        services.AddReception(configuration);

        services.AddDataProtection();
        services.AddSingleton<StaffAuthenticator>();
        services.AddSingleton<HttpPolicyMiddleware>();
        services.AddSingleton<IStorageReachability, StorageReachabilityProbe>();
        services.AddSingleton<AppStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<AppStartup>());
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });

        services.AddPetitionsTelemetry(configuration);
        DevelopmentFunctionsFilter.Decorate(services);
        return services;
    }
}
