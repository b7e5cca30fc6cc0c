using System.Text.Json;
using Petitions.Core.Cases;

namespace Petitions.Core.UseCases.Common;

/// <summary>The API's words for kinds and statuses, with the status texts citizens read.</summary>
public static class CaseNames
{
    /// <summary>"complaint", "denunciation" or "petition".</summary>
    public static string Kind(CaseKind kind) => kind.LegalKind();

    /// <summary>The status in camelCase, e.g. "inProgress".</summary>
    public static string Status(CaseStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>The status as a citizen reads it, in Vietnamese.</summary>
    public static string StatusTextVi(CaseStatus status) => status switch
    {
        CaseStatus.Received => "Đã tiếp nhận",
        CaseStatus.Accepted => "Đã thụ lý",
        CaseStatus.Forwarded => "Đã chuyển đến cơ quan có thẩm quyền",
        CaseStatus.Guided => "Đã hướng dẫn gửi đến cơ quan có thẩm quyền",
        CaseStatus.Refused => "Không thụ lý",
        CaseStatus.Duplicate => "Trùng với hồ sơ khác",
        CaseStatus.Assigned or CaseStatus.InProgress => "Đang giải quyết",
        CaseStatus.Suspended => "Tạm đình chỉ",
        CaseStatus.Resolved => "Đã giải quyết",
        CaseStatus.Closed => "Đã kết thúc",
        _ => "Đã rút đơn",
    };

    /// <summary>The status as a citizen reads it, in English.</summary>
    public static string StatusTextEn(CaseStatus status) => status switch
    {
        CaseStatus.Received => "Received",
        CaseStatus.Accepted => "Accepted for handling",
        CaseStatus.Forwarded => "Forwarded to the competent body",
        CaseStatus.Guided => "You were guided to the competent body",
        CaseStatus.Refused => "Not accepted",
        CaseStatus.Duplicate => "Duplicate of another case",
        CaseStatus.Assigned or CaseStatus.InProgress => "Being handled",
        CaseStatus.Suspended => "Suspended",
        CaseStatus.Resolved => "Resolved",
        CaseStatus.Closed => "Closed",
        _ => "Withdrawn",
    };
}
