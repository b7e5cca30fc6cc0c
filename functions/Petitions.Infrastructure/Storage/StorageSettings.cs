namespace Petitions.Infrastructure.Storage;

/// <summary>
/// Where storage is and how to reach it, read like the Functions host reads <c>AzureWebJobsStorage</c>:
/// a connection string, or identity-based settings (<c>AzureWebJobsStorage__tableServiceUri</c>,
/// <c>__queueServiceUri</c>, <c>__accountName</c>, <c>__credential</c>, <c>__clientId</c>).
/// </summary>
public sealed class StorageSettings
{
    public const string SectionName = "AzureWebJobsStorage";

    /// <summary>A connection string (account key or <c>UseDevelopmentStorage=true</c>).</summary>
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>With identity: the account name, giving https://NAME.table/queue.core.windows.net.</summary>
    public string? AccountName { get; set; }

    /// <summary>With identity: <c>managedidentity</c> (as the host accepts), or empty for the default credential chain.</summary>
    public string? Credential { get; set; }

    /// <summary>With identity: a user-assigned managed identity's client ID.</summary>
    public string? ClientId { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Every problem with the settings, in words an operator can act on; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (UsesConnectionString)
        {
            try
            {
                var parsed = StorageConnectionString.Parse(ConnectionString!);
                if (parsed.AccountKey is null)
                {
                    problems.Add("AzureWebJobsStorage is a connection string without AccountKey; use the identity-based AzureWebJobsStorage__* settings instead.");
                }
            }
            catch (FormatException e)
            {
                problems.Add("AzureWebJobsStorage: " + e.Message);
            }

            return problems;
        }

        if (TableServiceUri is null && string.IsNullOrWhiteSpace(AccountName))
        {
            problems.Add("Storage is not configured: set AzureWebJobsStorage (a connection string, e.g. UseDevelopmentStorage=true) " +
                         "or AzureWebJobsStorage__tableServiceUri and AzureWebJobsStorage__queueServiceUri (or AzureWebJobsStorage__accountName) with a managed identity.");
            return problems;
        }

        if (QueueServiceUri is null && string.IsNullOrWhiteSpace(AccountName))
        {
            problems.Add("AzureWebJobsStorage__queueServiceUri is missing (needed with AzureWebJobsStorage__tableServiceUri).");
        }

        foreach (var (name, uri) in new[] { ("tableServiceUri", TableServiceUri), ("queueServiceUri", QueueServiceUri) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"AzureWebJobsStorage__{name} must be an absolute https URI (tokens are only sent over TLS).");
            }
        }

        if (!string.IsNullOrWhiteSpace(Credential) && !string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("AzureWebJobsStorage__credential must be 'managedidentity' or empty.");
        }

        return problems;
    }
}
