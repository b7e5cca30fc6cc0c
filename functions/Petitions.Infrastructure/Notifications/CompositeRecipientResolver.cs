using Petitions.Core.Notifications;

namespace Petitions.Infrastructure.Notifications;

/// <summary>
/// Asks each resolver in turn (each answers only for its own prefix: <c>citizen:</c>, <c>booking:</c>) and returns the
/// first number found.
/// </summary>
public sealed class CompositeRecipientResolver(IReadOnlyList<IRecipientResolver> resolvers) : IRecipientResolver
{
    /// <inheritdoc />
    public async Task<string?> ResolveE164Async(NotificationRecord record, CancellationToken cancellationToken)
    {
        foreach (var resolver in resolvers)
        {
            if (await resolver.ResolveE164Async(record, cancellationToken).ConfigureAwait(false) is { } number)
            {
                return number;
            }
        }

        return null;
    }
}
