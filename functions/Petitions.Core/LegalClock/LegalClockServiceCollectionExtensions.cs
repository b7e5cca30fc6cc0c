using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Petitions.Core.Calendar;
using Petitions.Core.Escalation;
using Petitions.Core.UseCases;

namespace Petitions.Core.LegalClock;

/// <summary>Registers the legal clock, the escalation ladder and the deadline calculator use case.</summary>
public static class LegalClockServiceCollectionExtensions
{
    /// <summary>
    /// Adds the embedded legal limits and escalation ladder (validated now, so bad data stops the app at start),
    /// <see cref="DeadlineCalculator"/>, <see cref="EscalationPolicy"/> and <see cref="CalculateDeadline.Handler"/>.
    /// Also adds Vietnam's working calendar unless another <see cref="IWorkingCalendar"/> is registered.
    /// </summary>
    public static IServiceCollection AddLegalClock(this IServiceCollection services, LegalClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var limits = LegalLimits.LoadEmbedded();
        var ladder = EscalationLadder.LoadEmbedded();
        services.AddVietnamWorkingCalendar();
        services.TryAddSingleton(settings ?? new LegalClockSettings());
        services.TryAddSingleton(limits);
        services.TryAddSingleton(ladder);
        services.TryAddSingleton(sp => new DeadlineCalculator(
            sp.GetRequiredService<LegalLimits>(), sp.GetRequiredService<IWorkingCalendar>(), sp.GetRequiredService<LegalClockSettings>()));
        services.TryAddSingleton(sp => new EscalationPolicy(sp.GetRequiredService<EscalationLadder>(), sp.GetRequiredService<IWorkingCalendar>()));
        services.TryAddSingleton(sp => new CalculateDeadline.Handler(sp.GetRequiredService<DeadlineCalculator>()));
        return services;
    }
}
