namespace Petitions.Infrastructure.Storage;

/// <summary>
/// Where storage is and how to reach it, read like the Functions host reads <c>AzureWebJobsStorage</c>:
/// a connection string, or identity-based settings (<c>AzureWebJobsStorage__accountName</c>,
/// <c>__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__blobServiceUri</c>, <c>__credential</c>,
/// <c>__clientId</c>).
/// </summary>
public sealed class StorageSettings
{
    public const string SectionName = "AzureWebJobsStorage";

    /// <summary>A connection string (account key, SAS or <c>UseDevelopmentStorage=true</c>).</summary>
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>With identity: the account name, giving https://NAME.{table,queue,blob}.core.windows.net.</summary>
    public string? AccountName { get; set; }

    /// <summary>With identity: <c>managedidentity</c> (as the host accepts), or empty for the default credential chain.</summary>
    public string? Credential { get; set; }

    /// <summary>With identity: a user-assigned managed identity's client ID.</summary>
    public string? ClientId { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    public bool UsesManagedIdentity => string.Equals(Credential?.Trim(), "managedidentity", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Table endpoint with identity: <see cref="TableServiceUri"/>, else derived from <see cref="AccountName"/>.</summary>
    public Uri? TableEndpoint => TableServiceUri ?? Derived("table");

    /// <summary>The Queue endpoint with identity: <see cref="QueueServiceUri"/>, else derived from <see cref="AccountName"/>.</summary>
    public Uri? QueueEndpoint => QueueServiceUri ?? Derived("queue");

    /// <summary>The Blob endpoint with identity: <see cref="BlobServiceUri"/>, else derived from <see cref="AccountName"/>.</summary>
    public Uri? BlobEndpoint => BlobServiceUri ?? Derived("blob");

    /// <summary>Every problem with the settings, in words an operator can act on; empty when valid. Never quotes a value (it may hold a key).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (UsesConnectionString)
        {
            if (StorageClientFactory.ConnectionStringProblem(ConnectionString!) is { } sdkProblem)
            {
                problems.Add(sdkProblem);
            }

            return problems;
        }

        var anyUri = TableServiceUri is not null || QueueServiceUri is not null || BlobServiceUri is not null;
        if (!anyUri && string.IsNullOrWhiteSpace(AccountName))
        {
            problems.Add("Storage is not configured: set AzureWebJobsStorage (a connection string, e.g. UseDevelopmentStorage=true) " +
                         "or AzureWebJobsStorage__accountName (or AzureWebJobsStorage__tableServiceUri, __queueServiceUri and __blobServiceUri) with a managed identity.");
            return problems;
        }

        if (!string.IsNullOrWhiteSpace(AccountName) && !IsAccountName(AccountName.Trim()))
        {
            problems.Add("AzureWebJobsStorage__accountName must be a storage account name: 3 to 24 lower-case letters and digits.");
        }

        foreach (var (name, uri) in new[] { ("tableServiceUri", TableServiceUri), ("queueServiceUri", QueueServiceUri), ("blobServiceUri", BlobServiceUri) })
        {
            if (uri is null && string.IsNullOrWhiteSpace(AccountName))
            {
                problems.Add($"AzureWebJobsStorage__{name} is missing: set it, or AzureWebJobsStorage__accountName to derive every endpoint.");
            }
            else if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"AzureWebJobsStorage__{name} must be an absolute https URI (tokens are only sent over TLS).");
            }
        }

        if (!string.IsNullOrWhiteSpace(Credential) && !UsesManagedIdentity)
        {
            problems.Add("AzureWebJobsStorage__credential must be 'managedidentity' or empty (the default credential chain).");
        }

        if (!string.IsNullOrWhiteSpace(ClientId) && !Guid.TryParse(ClientId.Trim(), out _))
        {
            problems.Add("AzureWebJobsStorage__clientId must be the client ID (a GUID) of a user-assigned managed identity.");
        }

        return problems;
    }

    private Uri? Derived(string service) =>
        string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName.Trim()}.{service}.core.windows.net");

    private static bool IsAccountName(string name) =>
        name.Length is >= 3 and <= 24 && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');
}
