using Azure.Core;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// Pipeline options for the Table and Queue clients: Azure.Core's retry (exponential, honours
/// <c>Retry-After</c>; retries 408, 429, 500, 502, 503, 504 and transport failures), diagnostics,
/// transport. The clock signs requests (<c>x-ms-date</c>); tests may pass a manual one.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The REST version sent as <c>x-ms-version</c> to both services.</summary>
    public const string DefaultServiceVersion = "2020-12-06";

    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(500);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        Diagnostics.LoggedHeaderNames.Add("x-ms-version");
    }

    /// <summary>The <c>x-ms-version</c> header value (≥ 2019-02-02).</summary>
    public string ServiceVersion { get; set; } = DefaultServiceVersion;

    /// <summary>The clock used for <c>x-ms-date</c> when signing with Shared Key.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
