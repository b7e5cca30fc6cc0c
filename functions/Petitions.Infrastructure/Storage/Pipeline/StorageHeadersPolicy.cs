using Azure.Core;
using Azure.Core.Pipeline;

namespace Petitions.Infrastructure.Storage.Pipeline;

/// <summary>Adds <c>x-ms-version</c> (and, for tables, the OData version headers) to every request.</summary>
internal sealed class StorageHeadersPolicy(string serviceVersion, StorageService service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", serviceVersion);
        if (service == StorageService.Table)
        {
            message.Request.Headers.SetValue("DataServiceVersion", "3.0");
            message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        }
    }
}
