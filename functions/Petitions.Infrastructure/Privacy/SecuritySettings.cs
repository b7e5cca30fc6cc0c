namespace Petitions.Infrastructure.Privacy;

/// <summary>Keys of field-level protection (section <c>Security</c>; environment <c>Security__FieldEncryptionKey</c> …).</summary>
public sealed class SecuritySettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security";

    /// <summary>AES-256-GCM key for citizens' names, phones and addresses: base64 of 32 random bytes.</summary>
    public string? FieldEncryptionKey { get; set; }

    /// <summary>HMAC-SHA256 key for phone hashes and other lookup hashes: base64 of at least 32 random bytes.</summary>
    public string? PhoneHashKey { get; set; }

    /// <summary>Every problem, naming the setting and never echoing its value.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(FieldEncryptionKey, nameof(FieldEncryptionKey), exact: true, problems);
        Check(PhoneHashKey, nameof(PhoneHashKey), exact: false, problems);
        if (problems.Count == 0 && FieldEncryptionKey == PhoneHashKey)
        {
            problems.Add("Security:FieldEncryptionKey and Security:PhoneHashKey must be different keys.");
        }

        return problems;
    }

    internal static byte[]? Decode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static void Check(string? value, string name, bool exact, List<string> problems)
    {
        var setting = $"{SectionName}:{name} (environment {SectionName}__{name})";
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{setting} is missing: set it to base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
            return;
        }

        var bytes = Decode(value);
        if (bytes is null)
        {
            problems.Add($"{setting} is not valid base64.");
        }
        else if (exact ? bytes.Length != 32 : bytes.Length < 32)
        {
            problems.Add($"{setting} decodes to {bytes.Length} bytes; it must be {(exact ? "exactly" : "at least")} 32.");
        }
    }
}
