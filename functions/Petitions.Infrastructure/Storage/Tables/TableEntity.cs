using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Azure;

namespace Petitions.Infrastructure.Storage.Tables;

/// <summary>
/// A table entity: a property bag with <see cref="PartitionKey"/>, <see cref="RowKey"/>, the service's
/// <see cref="Timestamp"/> and <see cref="ETag"/>. Values are the Table service's types: string, int
/// (Edm.Int32), long (Edm.Int64), bool, double, DateTimeOffset/DateTime (Edm.DateTime, stored as UTC),
/// Guid, byte[] (Edm.Binary). Shaped like Azure.Data.Tables' <c>TableEntity</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named like Azure.Data.Tables' TableEntity so the SDK can replace it.")]
public sealed class TableEntity : IDictionary<string, object?>
{
    public const string PartitionKeyName = "PartitionKey";
    public const string RowKeyName = "RowKey";
    public const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public TableEntity(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            this[key] = value;
        }
    }

    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => _properties[PartitionKeyName] = value;
    }

    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => _properties[RowKeyName] = value;
    }

    /// <summary>Set by the service on every write; read-only for the service, ignored on writes.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's version as last read or written; pass it as If-Match to update safely.</summary>
    public ETag ETag { get; set; }

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    public bool IsReadOnly => false;

    public object? this[string key]
    {
        get => _properties[key];
        set => _properties[key] = CheckType(key, value);
    }

    public string? GetString(string key) => TryGet(key) switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(key, other, "string"),
    };

    public int? GetInt32(string key) => TryGet(key) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw WrongType(key, other, "int"),
    };

    public long? GetInt64(string key) => TryGet(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        var other => throw WrongType(key, other, "long"),
    };

    public bool? GetBoolean(string key) => TryGet(key) switch
    {
        null => null,
        bool b => b,
        var other => throw WrongType(key, other, "bool"),
    };

    public double? GetDouble(string key) => TryGet(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(key, other, "double"),
    };

    public DateTimeOffset? GetDateTimeOffset(string key) => TryGet(key) switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d,
        var other => throw WrongType(key, other, "DateTimeOffset"),
    };

    public Guid? GetGuid(string key) => TryGet(key) switch
    {
        null => null,
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        var other => throw WrongType(key, other, "Guid"),
    };

    public byte[]? GetBinary(string key) => TryGet(key) switch
    {
        null => null,
        byte[] b => b,
        var other => throw WrongType(key, other, "byte[]"),
    };

    public void Add(string key, object? value) => _properties.Add(key, CheckType(key, value));

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    public void Clear() => _properties.Clear();

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private object? TryGet(string key) => _properties.TryGetValue(key, out var value) ? value : null;

    private static object? CheckType(string key, object? value) => value switch
    {
        null or string or int or long or bool or double or DateTimeOffset or DateTime or Guid or byte[] => value,
        _ => throw new ArgumentException(
            $"Property '{key}' has type {value.GetType().Name}, which the Table service cannot store; " +
            "use string, int, long, bool, double, DateTimeOffset, DateTime, Guid or byte[].",
            nameof(value)),
    };

    private static InvalidOperationException WrongType(string key, object value, string wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted}.");
}
