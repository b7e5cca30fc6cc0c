namespace Petitions.Infrastructure.Storage.Tables;

/// <summary>One page of a query; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Values, string? ContinuationToken);
