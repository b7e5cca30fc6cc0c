using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Petitions.Functions.App.Http;

namespace Petitions.Functions.App;

/// <summary>
/// Outside Development, leaves the <c>[FunctionAccess(Audience.Development)]</c> functions (<c>/dev/*</c>) out of the
/// metadata the worker gives the Functions host: the host never loads them, so their routes do not exist (404 from
/// the host, not a refusal by the app).
/// </summary>
internal sealed class DevelopmentFunctionsFilter(IFunctionMetadataProvider inner, IHostEnvironment environment) : IFunctionMetadataProvider
{
    public async Task<ImmutableArray<IFunctionMetadata>> GetFunctionMetadataAsync(string directory)
    {
        var all = await inner.GetFunctionMetadataAsync(directory).ConfigureAwait(false);
        return environment.IsDevelopment() ? all : [.. all.Where(f => !IsDevelopmentOnly(f))];
    }

    internal static bool IsDevelopmentOnly(IFunctionMetadata function) =>
        FunctionAccessAttribute.Of(function.EntryPoint)?.Audience == Audience.Development;

    /// <summary>Wraps the registered metadata provider (the Worker SDK's generated one); call after it is registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IFunctionMetadataProvider));
        if (registered is null || registered.ImplementationType == typeof(DevelopmentFunctionsFilter))
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IFunctionMetadataProvider>(sp => new DevelopmentFunctionsFilter(
            (IFunctionMetadataProvider)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
            sp.GetRequiredService<IHostEnvironment>()));
    }
}
