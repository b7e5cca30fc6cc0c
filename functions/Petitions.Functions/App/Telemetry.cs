using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Petitions.Functions.App;

/// <summary>
/// The worker's OpenTelemetry (invocation traces and logs with the Functions attributes), exported to Azure Monitor
/// when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with the managed identity when
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>). No personal data leaves: query
/// strings (a lookup carries <c>?phone=</c>) are cut from every URL attribute, and ASP.NET Core's request lines, which
/// print the URL, are not logged below Warning (nor the rest of ASP.NET Core's per-request chatter).
/// </summary>
internal static class Telemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    private static readonly string[] UrlTags = ["url.full", "http.url", "http.target", "url.query"];

    public static IServiceCollection AddPetitionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        telemetry.WithTracing(tracing => tracing.AddProcessor(new QueryStringRedaction()));
        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            var clientId = ClientIdOf(configuration[AuthenticationStringSetting]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (clientId is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return services;
    }

    /// <summary>The client id of <c>ClientId=…;Authorization=AAD</c>, or null when the string does not ask for Entra ID.</summary>
    internal static string? ClientIdOf(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var kind) && kind.Equals("AAD", StringComparison.OrdinalIgnoreCase) &&
               parts.TryGetValue("ClientId", out var id) && id.Length > 0
            ? id
            : null;
    }

    /// <summary>Cuts the query string from every URL attribute of a finished span.</summary>
    internal sealed class QueryStringRedaction : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            ArgumentNullException.ThrowIfNull(data);
            foreach (var tag in UrlTags)
            {
                if (data.GetTagItem(tag) is string value)
                {
                    data.SetTag(tag, tag == "url.query" ? null : WithoutQuery(value));
                }
            }
        }

        internal static string WithoutQuery(string url) => url.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? url[..q] : url;
    }
}
