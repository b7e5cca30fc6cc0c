using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Petitions.Core.Calendar;

/// <summary>Registers Vietnam's working calendar.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>Adds <see cref="VietnamWorkingCalendar.Default"/> as the <see cref="IWorkingCalendar"/> singleton.</summary>
    public static IServiceCollection AddVietnamWorkingCalendar(this IServiceCollection services)
    {
        services.TryAddSingleton<IWorkingCalendar>(VietnamWorkingCalendar.Default);
        return services;
    }
}
