namespace Petitions.Core.Citizens;

/// <summary>
/// The text given is not a Vietnamese mobile number. <see cref="Code"/> is stable (the API maps it
/// to a problem type); the messages never echo the input, which is personal data.
/// </summary>
public sealed class InvalidPhoneNumberException : Exception
{
    public const string ErrorCode = "phone.invalid";

    public InvalidPhoneNumberException()
        : base("The phone number is not a valid Vietnamese mobile number (e.g. 0912345678 or +84912345678).")
    {
    }

    public InvalidPhoneNumberException(string message)
        : base(message)
    {
    }

    public InvalidPhoneNumberException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Code { get; } = ErrorCode;

    /// <summary>The message shown to citizens.</summary>
    public string MessageVi { get; } =
        "Số điện thoại không hợp lệ. Vui lòng nhập số di động Việt Nam, ví dụ 0912345678 hoặc +84912345678.";

    public string MessageEn => Message;
}
