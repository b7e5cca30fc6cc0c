using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Petitions.Infrastructure.Configuration;

/// <summary>Binds a settings class once, validates it at start (<c>ValidateOnStart</c>) and registers its value.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>The flat trigger settings (<see cref="TriggerSettings"/>) and <see cref="PublicSiteSettings"/>; idempotent.</summary>
    public static IServiceCollection AddPetitionsSettings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedSettings<TriggerSettings>(configuration, s => s.Problems());
        services.AddValidatedSettings<PublicSiteSettings>(configuration.GetSection(PublicSiteSettings.SectionName), s => s.Problems());
        return services;
    }

    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/>, fails start-up with <paramref name="problems"/>,
    /// and registers the bound value as a singleton. Calling it twice for one type registers nothing twice.
    /// </summary>
    public static IServiceCollection AddValidatedSettings<T>(this IServiceCollection services, IConfiguration section, Func<T, IReadOnlyList<string>> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<T>) && d.ImplementationInstance is ProblemsValidator<T>))
        {
            return services;
        }

        services.AddOptions<T>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new ProblemsValidator<T>(problems));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    private sealed class ProblemsValidator<T>(Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
