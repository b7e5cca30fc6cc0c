using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Calendar;
using Petitions.Core.UseCases;
using Petitions.Functions.App.Security;
using Petitions.Infrastructure.Cases;
using Petitions.Infrastructure.Storage;

namespace Petitions.Functions.App;

/// <summary>
/// Composition of the application proper (below the runtime): clock, case handling, staff sign-in, security headers.
/// </summary>
internal static class PetitionsAppExtensions
{
    /// <summary>
    /// Registers the application. In Development the clock is an <see cref="AppClock"/> (settable by <c>POST /dev/clock</c>)
    /// unless one was registered before; storage always signs requests with the real clock, since the service rejects
    /// requests dated more than 15 minutes away from its own time.
    /// </summary>
    public static WebApplicationBuilder AddPetitionsApp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (builder.Environment.IsDevelopment())
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new AppClock(TimeProvider.System)));
        }
        else
        {
            services.TryAddSingleton(TimeProvider.System);
        }

        services.AddVietnamWorkingCalendar();
        services.AddCaseHandling(builder.Configuration);
        services.TryAddSingleton<CalculateDeadline.Handler>();
        services.TryAddSingleton<Core.UseCases.Staff.GetDashboard.Handler>();
        services.AddDataProtection();
        services.AddSingleton<StaffAuthenticator>();
        services.AddSingleton<AppStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<AppStartup>());
        services.SignStorageWithRealClock();
        return builder;
    }

    /// <summary>
    /// Call after every other registration: makes the storage account sign with the real clock whatever the
    /// application clock is (tests and Development move the application clock).
    /// </summary>
    private static IServiceCollection SignStorageWithRealClock(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var original = services.LastOrDefault(d => d.ServiceType == typeof(StorageAccount));
        if (original?.ImplementationFactory is { } factory)
        {
            services.Replace(ServiceDescriptor.Singleton(sp => (StorageAccount)factory(new RealClockServices(sp))));
        }

        return services;
    }

    /// <summary>Security headers and CSRF: call before the endpoints are mapped.</summary>
    public static WebApplication UsePetitionsApp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<StorageReadyMiddleware>();
        return app;
    }

    /// <summary>The app's services, except that <see cref="TimeProvider"/> is the real clock.</summary>
    private sealed class RealClockServices(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(TimeProvider) ? TimeProvider.System : inner.GetService(serviceType);
    }
}
