namespace Petitions.Infrastructure.Storage.Tables;

/// <summary>How an update treats properties the entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep properties not sent (HTTP MERGE).</summary>
    Merge,

    /// <summary>Replace the whole entity (HTTP PUT).</summary>
    Replace,
}
