using System.Text;

namespace Petitions.Infrastructure.Storage.Tables;

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

    /// <summary>Keys, property types, string/binary sizes (64 KiB), property count and total size (1 MiB).</summary>
    public static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.GetString(TableEntity.PartitionKeyName), TableEntity.PartitionKeyName);
        ValidateKey(entity.GetString(TableEntity.RowKeyName), TableEntity.RowKeyName);

        // Size formula from the data model doc: 4 + len(PK + RK) * 2 + Σ(8 + len(name) * 2 + size(value)).
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        var count = 0;
        foreach (var (name, value) in entity)
        {
            if (name is TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName || value is null)
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
                byte[] b when b.Length > MaxBinaryPropertyBytes => throw new ArgumentException(
                    $"Property '{name}' is {b.Length} bytes of binary; the Table service stores at most 64 KiB per binary value.",
                    nameof(entity)),
                byte[] b => 4 + b.Length,
                Guid => 16,
                bool => 1,
                int => 4,
                _ => 8,
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
}
