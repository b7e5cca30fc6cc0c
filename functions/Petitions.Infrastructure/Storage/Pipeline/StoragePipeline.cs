using Azure.Core;
using Azure.Core.Pipeline;

namespace Petitions.Infrastructure.Storage.Pipeline;

/// <summary>Builds the Azure.Core pipeline for one service: version headers per call, auth per retry.</summary>
internal static class StoragePipeline
{
    public const string TokenScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageClientOptions options, StorageService service, SharedKeySigner? signer, TokenCredential? credential)
    {
        HttpPipelinePolicy auth = signer is not null
            ? new SharedKeyPolicy(signer, service, options.TimeProvider)
            : new BearerTokenAuthenticationPolicy(
                credential ?? throw new InvalidOperationException("Storage needs an account key or a token credential."),
                TokenScope);

        return HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [new StorageHeadersPolicy(options.ServiceVersion, service)],
            perRetryPolicies: [auth],
            new ResponseClassifier());
    }
}
