using Microsoft.AspNetCore.Mvc;

namespace Petitions.Functions.App;

/// <summary>
/// Holds requests to endpoints that use the case tables (marked with <see cref="Held"/>) until the start-up work
/// (tables and queues created) is done, so a request that arrives in the first moments after start never meets a
/// missing table. After <see cref="Patience"/> it answers 503 with Retry-After instead of waiting on. Other endpoints
/// (health, pages, deadlines) are never held.
/// </summary>
internal sealed class StorageReadyMiddleware(RequestDelegate next, AppStartup startup)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Marks an endpoint as needing the case tables.</summary>
    public static Func<IEndpointRouteBuilder, IEndpointConventionBuilder> Held(Func<IEndpointRouteBuilder, IEndpointConventionBuilder> map) =>
        endpoints => map(endpoints).WithMetadata(NeedsStorage.Instance);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!startup.Ready.IsCompletedSuccessfully && context.GetEndpoint()?.Metadata.GetMetadata<NeedsStorage>() is not null)
        {
            try
            {
                await startup.Ready.WaitAsync(Patience, context.RequestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                context.Response.Headers.RetryAfter = "5";
                await Results.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Starting up",
                    Detail = "Storage is not ready yet; try again in a few seconds.",
                }).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }
}

/// <summary>Endpoint metadata: the endpoint reads or writes the case tables.</summary>
internal sealed class NeedsStorage
{
    public static readonly NeedsStorage Instance = new();
}
