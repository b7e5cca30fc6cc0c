using System.Text;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// The Table service's limits ("Understanding the Table service data model"), checked before any
/// request so a bad key or an oversized value fails with a clear message instead of a 400.
/// Sizes are UTF-16 bytes, as the service measures them.
/// </summary>
public static class TableLimits
{
    public const int MaxKeyBytes = 1024;
    public const int MaxStringPropertyBytes = 64 * 1024;
    public const int MaxBinaryPropertyBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxPropertyCount = 255;
    public const int MaxTransactionActions = 100;

    private const string PartitionKeyName = "PartitionKey";
    private const string RowKeyName = "RowKey";
    private const string TimestampName = "Timestamp";
    private const string ETagName = "odata.etag";

    /// <summary>
    /// A partition or row key: at most 1 KiB, and none of <c>/ \ # ?</c> nor control characters
    /// U+0000–U+001F, U+007F–U+009F.
    /// </summary>
    /// <exception cref="ArgumentException">The key breaks a rule; the message says which (not the key itself).</exception>
    public static void ValidateKey(string? key, string keyName)
    {
        if (key is null)
        {
            throw new ArgumentException($"The {keyName} is missing.", keyName);
        }

        if (Encoding.Unicode.GetByteCount(key) > MaxKeyBytes)
        {
            throw new ArgumentException($"The {keyName} is longer than 1 KiB ({MaxKeyBytes / 2} UTF-16 characters).", keyName);
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?')
            {
                throw new ArgumentException($"The {keyName} contains '{c}' at position {i}; keys may not contain / \\ # or ?.", keyName);
            }

            if (c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                throw new ArgumentException(
                    $"The {keyName} contains the control character U+{(int)c:X4} at position {i}; keys may not contain control characters.",
                    keyName);
            }
        }
    }

    /// <summary>
    /// Keys, property types (string, int, long, bool, double, DateTimeOffset, DateTime, Guid, byte[], BinaryData),
    /// string/binary sizes (64 KiB), property count and total size (1 MiB). Null values are not counted (they are
    /// not stored); nor are the service's own <c>Timestamp</c> and <c>odata.etag</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A rule is broken; the message names the property, never its value.</exception>
    public static void ValidateEntity(IEnumerable<KeyValuePair<string, object?>> entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var properties = entity.ToList();
        var partitionKey = Key(properties, PartitionKeyName);
        var rowKey = Key(properties, RowKeyName);
        ValidateKey(partitionKey, PartitionKeyName);
        ValidateKey(rowKey, RowKeyName);

        // Size formula from the data model doc: 4 + len(PK + RK) * 2 + Σ(8 + len(name) * 2 + size(value)).
        long size = 4 + ((partitionKey!.Length + rowKey!.Length) * 2L);
        var count = 0;
        foreach (var (name, value) in properties)
        {
            if (IsSystemProperty(name) || value is null)
            {
                continue;
            }

            count++;
            size += 8 + (name.Length * 2L) + value switch
            {
                string s when s.Length * 2L > MaxStringPropertyBytes => throw new ArgumentException(
                    $"Property '{name}' is a string of {s.Length * 2L} bytes (UTF-16); the Table service stores at most 64 KiB per string.",
                    nameof(entity)),
                string s => 4 + (s.Length * 2L),
                byte[] b => Binary(name, b.Length),
                BinaryData b => Binary(name, b.ToMemory().Length),
                Guid => 16,
                bool => 1,
                int => 4,
                long or double or DateTimeOffset or DateTime => 8,
                _ => throw new ArgumentException(
                    $"Property '{name}' has type {value.GetType().Name}, which the Table service cannot store; " +
                    "use string, int, long, bool, double, DateTimeOffset, DateTime, Guid or byte[].",
                    nameof(entity)),
            };
        }

        if (count > MaxPropertyCount - 3)
        {
            throw new ArgumentException($"The entity has {count} properties; the Table service allows {MaxPropertyCount - 3} besides the keys and Timestamp.", nameof(entity));
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException($"The entity is about {size} bytes; the Table service stores at most 1 MiB per entity.", nameof(entity));
        }
    }

    /// <summary>The keys and what the service sets itself (<c>Timestamp</c>, the ETag as <c>odata.etag</c>).</summary>
    public static bool IsSystemProperty(string name) =>
        name is PartitionKeyName or RowKeyName or TimestampName or ETagName;

    private static string? Key(List<KeyValuePair<string, object?>> properties, string name) =>
        properties.FirstOrDefault(p => p.Key == name).Value switch
        {
            null => null,
            string s => s,
            var other => throw new ArgumentException($"The {name} is a {other.GetType().Name}, not a string.", name),
        };

    private static long Binary(string name, int length) => length > MaxBinaryPropertyBytes
        ? throw new ArgumentException($"Property '{name}' is {length} bytes of binary; the Table service stores at most 64 KiB per binary value.", nameof(name))
        : 4 + length;
}
