using Azure;

namespace Petitions.Infrastructure.Storage.Tables;

public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    UpsertMerge,
    UpsertReplace,
    Delete,
}

/// <summary>
/// One operation of an entity group transaction. <paramref name="IfMatch"/> applies to updates and
/// deletes; default means "any version" (<c>*</c>).
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag IfMatch = default);
