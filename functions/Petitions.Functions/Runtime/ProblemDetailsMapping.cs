using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Petitions.Functions.Runtime;

/// <summary>
/// One RFC 7807 mapping for the whole app: every error leaves as <c>application/problem+json</c> with a stable
/// <c>type</c>, the request path as <c>instance</c> and a trace id. Bad input (<see cref="ArgumentException"/>,
/// <see cref="FormatException"/>, <see cref="BadHttpRequestException"/>) is 400; anything unexpected is 500 without
/// internals.
/// </summary>
internal static class ProblemDetailsMapping
{
    public static IServiceCollection AddProblemDetailsMapping(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>Exceptions and bare error status codes become problem+json.</summary>
    public static WebApplication UseProblemDetailsMapping(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Maps exceptions to problem details (registered through <c>AddExceptionHandler</c>).</summary>
    internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var (status, title) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
                ArgumentException or FormatException => (StatusCodes.Status400BadRequest, "Invalid input"),
                _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred"),
            };
            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = status,
                    Title = title,
                    Detail = status < 500 ? exception.Message : null,
                    Type = $"https://httpstatuses.io/{status}",
                },
            }).ConfigureAwait(false);
        }
    }

    /// <summary>The one way endpoints answer an error: a problem+json result with the same <c>type</c> scheme as the mapper.</summary>
    public static ProblemHttpResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: $"https://httpstatuses.io/{status}");
}
