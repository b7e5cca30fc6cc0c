using Azure;

namespace Petitions.Infrastructure.Storage;

/// <summary>
/// The one place where the SDK's <see cref="RequestFailedException"/> becomes ours: a
/// <see cref="StorageRequestException"/> carrying the status, the error code and the operation —
/// <see cref="EntityAlreadyExistsException"/> for 409 <c>EntityAlreadyExists</c>,
/// <see cref="ConcurrencyConflictException"/> for 412, <see cref="StorageTransactionFailedException"/> (with the
/// failed action's index) for a refused entity group transaction. The SDK's exception is not attached: its
/// message quotes the request and the response body, which may hold keys or message text (personal data).
/// </summary>
public static class StorageFailures
{
    /// <summary>Runs <paramref name="call"/>, translating a refusal of the service.</summary>
    public static async Task<T> Run<T>(string operation, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw From(e, operation);
        }
    }

    /// <summary>Our exception for a failed SDK call: status, error code, operation; nothing from the request.</summary>
    public static StorageRequestException From(RequestFailedException failure, string operation)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var code = string.IsNullOrEmpty(failure.ErrorCode) ? null : failure.ErrorCode;
        var status = failure.Status;
        if (failure is Azure.Data.Tables.TableTransactionFailedException transaction)
        {
            var index = transaction.FailedTransactionActionIndex;
            return new StorageTransactionFailedException(
                status, code, index, $"Storage operation {operation} failed with HTTP {status}{Code(code)}{(index is null ? string.Empty : " at action " + index)}; nothing was written.");
        }

        var message = $"Storage operation {operation} failed with HTTP {status}{Code(code)}.";
        return status switch
        {
            409 when code is "EntityAlreadyExists" => new EntityAlreadyExistsException(status, code, message),
            412 => new ConcurrencyConflictException(status, code, message),
            _ => new StorageRequestException(status, code, message),
        };
    }

    private static string Code(string? code) => code is null ? string.Empty : " (" + code + ")";
}
