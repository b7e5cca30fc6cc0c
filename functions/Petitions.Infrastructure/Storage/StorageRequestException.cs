namespace Petitions.Infrastructure.Storage;

/// <summary>
/// A storage request the service refused or could not serve (after retries). Carries the HTTP
/// status and the storage error code (<c>x-ms-error-code</c>, or the code in the error body).
/// Messages never contain entity keys, message text or account keys.
/// </summary>
public class StorageRequestException : Exception
{
    public StorageRequestException()
    {
    }

    public StorageRequestException(string message)
        : base(message)
    {
    }

    public StorageRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageRequestException(int status, string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status code (0 when no response was received).</summary>
    public int Status { get; }

    /// <summary>The storage error code, e.g. <c>EntityAlreadyExists</c>, <c>QueueNotFound</c>.</summary>
    public string? ErrorCode { get; }
}

/// <summary>Insert of an entity whose keys already exist (HTTP 409, <c>EntityAlreadyExists</c>).</summary>
public sealed class EntityAlreadyExistsException : StorageRequestException
{
    public EntityAlreadyExistsException()
    {
    }

    public EntityAlreadyExistsException(string message)
        : base(message)
    {
    }

    public EntityAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EntityAlreadyExistsException(int status, string? errorCode, string message)
        : base(status, errorCode, message)
    {
    }
}

/// <summary>
/// An update or delete whose If-Match ETag no longer matches (HTTP 412, <c>UpdateConditionNotSatisfied</c>):
/// someone else changed the entity first. Reload and decide again; never overwrite blindly.
/// </summary>
public sealed class ConcurrencyConflictException : StorageRequestException
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConcurrencyConflictException(int status, string? errorCode, string message)
        : base(status, errorCode, message)
    {
    }
}

/// <summary>
/// An entity group transaction that the service rejected as a whole: nothing was written.
/// <see cref="FailedTransactionActionIndex"/> is the zero-based index of the action that failed, when the
/// service says (the SDK's <c>StorageTransactionFailedException.FailedTransactionActionIndex</c>).
/// </summary>
public sealed class StorageTransactionFailedException : StorageRequestException
{
    public StorageTransactionFailedException()
    {
    }

    public StorageTransactionFailedException(string message)
        : base(message)
    {
    }

    public StorageTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageTransactionFailedException(int status, string? errorCode, int? failedTransactionActionIndex, string message)
        : base(status, errorCode, message)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The zero-based index of the action the service refused; null when it did not say.</summary>
    public int? FailedTransactionActionIndex { get; }
}
