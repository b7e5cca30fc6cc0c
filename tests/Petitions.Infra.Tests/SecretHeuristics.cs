using System.Text.RegularExpressions;
using Petitions.Infra.Tests.Bicep;

namespace Petitions.Infra.Tests;

/// <summary>
/// Finds outputs and parameter defaults that may hold a secret. Outputs land in azd's .env and
/// in the deployment history, readable by anyone with Reader on the resource group.
/// </summary>
public static partial class SecretHeuristics
{
    private static readonly string[] SecretWords =
        ["key", "keys", "secret", "secrets", "password", "passwd", "pwd", "token", "tokens", "connectionstring", "sas", "credential", "credentials"];

    private static readonly string[] SecretFunctions =
        ["listKeys", "listSecrets", "listConnectionStrings", "listAccountSas", "listServiceSas", "listCredentials"];

    private static readonly string[] SecretProperties =
        ["ConnectionString", "primaryKey", "secondaryKey", "accessKey", "primaryConnectionString", "secondaryConnectionString"];

    /// <summary>True when a name says it holds a secret ("storageKey", "ZALO_ACCESS_TOKEN"), except "key vault".</summary>
    public static bool NameLooksSecret(string name)
    {
        var words = Words(name);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var next = i + 1 < words.Count ? words[i + 1] : string.Empty;
            if (word == "connection" && next == "string")
            {
                return true;
            }

            if (word == "key" && next == "vault")
            {
                continue;
            }

            if (SecretWords.Contains(word, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every output whose name or value may hold a secret, with the reason.</summary>
    public static IEnumerable<string> SecretOutputs(BicepFile file)
    {
        var secureParameters = file.Parameters.Where(p => p.Secure).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in file.Outputs)
        {
            var text = file.Text(value);
            if (NameLooksSecret(name))
            {
                yield return $"{file.RelativePath}: output '{name}' is named like a secret";
            }

            foreach (var function in SecretFunctions.Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{file.RelativePath}: output '{name}' calls {function}()";
            }

            foreach (var property in SecretProperties.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{file.RelativePath}: output '{name}' reads {property}";
            }

            if (value.Type == "identifier" && secureParameters.Contains(text))
            {
                yield return $"{file.RelativePath}: output '{name}' returns the @secure() parameter '{text}'";
            }
        }
    }

    /// <summary>Every parameter whose default may hold a secret, or which should be @secure() and is not.</summary>
    public static IEnumerable<string> SecretParameterDefaults(BicepFile file)
    {
        foreach (var parameter in file.Parameters)
        {
            if (parameter.Secure && parameter.Default is not null)
            {
                yield return $"{file.RelativePath}: @secure() parameter '{parameter.Name}' has a default";
            }

            if (!parameter.Secure && NameLooksSecret(parameter.Name))
            {
                yield return $"{file.RelativePath}: parameter '{parameter.Name}' is named like a secret but is not @secure()";
            }

            if (parameter.Default is { } value && CredentialLiteral().IsMatch(file.Text(value)))
            {
                yield return $"{file.RelativePath}: parameter '{parameter.Name}' has a default that looks like a credential";
            }

            if (parameter.Default is { } call && SecretFunctions.Any(f => file.Text(call).Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{file.RelativePath}: parameter '{parameter.Name}' defaults to a secret-listing call";
            }
        }
    }

    private static List<string> Words(string name) =>
        WordPattern().Matches(name).Select(m => m.Value.ToLowerInvariant()).ToList();

    // "storageAccountKey" → storage, account, key; "ZALO_ACCESS_TOKEN" → zalo, access, token.
    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex WordPattern();

    // Account keys, SAS signatures, passwords in connection strings, long base64/hex blobs.
    [GeneratedRegex(@"AccountKey=|SharedAccessKey=|sig=|Password=|[A-Za-z0-9+/]{32,}={0,2}|[0-9a-fA-F]{32,}", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialLiteral();
}
