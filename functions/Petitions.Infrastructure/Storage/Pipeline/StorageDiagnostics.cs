using System.Diagnostics;

namespace Petitions.Infrastructure.Storage.Pipeline;

/// <summary>
/// One diagnostics scope per client call (an <see cref="Activity"/> named like the SDKs':
/// <c>TableClient.AddEntity</c>), the public stand-in for Azure.Core's internal ClientDiagnostics.
/// The HTTP attempts beneath it are traced by the pipeline's own request activity.
/// </summary>
internal sealed class StorageDiagnostics(bool enabled)
{
    public const string SourceName = "Petitions.Infrastructure.Storage";

    private static readonly ActivitySource Source = new(SourceName);

    public Scope CreateScope(string name, string resourceTag, string resource)
    {
        var activity = enabled ? Source.StartActivity(name, ActivityKind.Internal) : null;
        activity?.SetTag("az.namespace", "Microsoft.Storage");
        activity?.SetTag(resourceTag, resource);
        return new Scope(activity);
    }

    public readonly struct Scope(Activity? activity) : IDisposable
    {
        public void Failed(Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity?.SetTag("error.type", exception.GetType().FullName);
        }

        public void Dispose() => activity?.Dispose();
    }
}
