namespace Petitions.Infrastructure.Storage.Pipeline;

/// <summary>Which signing rules apply: the Table service signs differently from Blob/Queue.</summary>
internal enum StorageService
{
    Table,
    Queue,
}
