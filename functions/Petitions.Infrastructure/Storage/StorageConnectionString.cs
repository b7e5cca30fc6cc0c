using System.Globalization;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// A parsed Azure Storage connection string: the well-known development account
/// (<c>UseDevelopmentStorage=true</c>), an account key with default endpoints
/// (<c>DefaultEndpointsProtocol</c>, <c>AccountName</c>, <c>AccountKey</c>, <c>EndpointSuffix</c>),
/// or explicit <c>TableEndpoint</c>/<c>QueueEndpoint</c>/<c>BlobEndpoint</c> (Azurite is path-style:
/// <c>http://127.0.0.1:10002/devstoreaccount1</c>). Errors name the setting at fault, never the key.
/// </summary>
public sealed record StorageConnectionString
{
    /// <summary>The development account's name (public; documented by Microsoft).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The development account's key (public; documented by Microsoft for the emulator).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(string accountName, string? accountKey, Uri tableEndpoint, Uri queueEndpoint, Uri blobEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        BlobEndpoint = blobEndpoint;
    }

    public string AccountName { get; }

    /// <summary>The base64 account key; null when the string carries none (then a token credential is needed).</summary>
    public string? AccountKey { get; }

    public Uri TableEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri BlobEndpoint { get; }

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"AccountName={AccountName}; TableEndpoint={TableEndpoint}; QueueEndpoint={QueueEndpoint}; BlobEndpoint={BlobEndpoint}";

    /// <exception cref="FormatException">The string is empty, malformed, or lacks a required setting.</exception>
    public static StorageConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty.");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // Do not echo the part: it may be (part of) the key.
                throw new FormatException("The storage connection string has a part that is not of the form Name=Value.");
            }

            var name = part[..eq].Trim();
            if (!settings.TryAdd(name, part[(eq + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets '{name}' more than once.");
            }
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!bool.TryParse(dev, out var useDev) || !useDev)
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
            }

            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var p) ? ParseUri("DevelopmentStorageProxyUri", p) : new Uri("http://127.0.0.1");
            return new StorageConnectionString(
                DevelopmentAccountName,
                DevelopmentAccountKey,
                DevelopmentEndpoint(proxy, 10002),
                DevelopmentEndpoint(proxy, 10001),
                DevelopmentEndpoint(proxy, 10000));
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            throw new FormatException("The storage connection string has no AccountName.");
        }

        string? accountKey = null;
        if (settings.TryGetValue("AccountKey", out var key))
        {
            var buffer = new byte[key.Length];
            if (key.Length == 0 || !Convert.TryFromBase64String(key, buffer, out _))
            {
                throw new FormatException("The storage connection string's AccountKey is not valid base64.");
            }

            accountKey = key;
        }

        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var proto) ? proto.ToLowerInvariant() : "https";
        if (protocol is not ("https" or "http"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'https' or 'http'.");
        }

        var suffix = settings.TryGetValue("EndpointSuffix", out var s) && s.Length > 0 ? s : "core.windows.net";

        Uri Endpoint(string setting, string service) =>
            settings.TryGetValue(setting, out var explicitValue) && explicitValue.Length > 0
                ? ParseUri(setting, explicitValue)
                : new Uri(string.Create(CultureInfo.InvariantCulture, $"{protocol}://{accountName}.{service}.{suffix}"));

        return new StorageConnectionString(
            accountName,
            accountKey,
            Endpoint("TableEndpoint", "table"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("BlobEndpoint", "blob"));
    }

    private static Uri DevelopmentEndpoint(Uri proxy, int port) =>
        new UriBuilder(proxy) { Port = port, Path = DevelopmentAccountName }.Uri;

    private static Uri ParseUri(string setting, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"The storage connection string's {setting} is not an absolute http(s) URI.");
}
