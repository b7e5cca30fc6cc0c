namespace Petitions.Core.Cases;

/// <summary>The legal kind of a letter, which decides its procedure and clocks.</summary>
public enum CaseKind
{
    /// <summary>Khiếu nại, first instance (Luật Khiếu nại 2011).</summary>
    ComplaintFirstInstance,

    /// <summary>Khiếu nại, second instance (Luật Khiếu nại 2011).</summary>
    ComplaintSecondInstance,

    /// <summary>Tố cáo (Luật Tố cáo 2018).</summary>
    Denunciation,

    /// <summary>Kiến nghị, phản ánh (TT 05/2021/TT-TTCP).</summary>
    Petition,
}

/// <summary>Where a kind's legal limits are found in the limits table, and which step runs at each phase.</summary>
public static class CaseKindSteps
{
    /// <summary>The kind's name in the limits table.</summary>
    public static string LegalKind(this CaseKind kind) => kind switch
    {
        CaseKind.ComplaintFirstInstance or CaseKind.ComplaintSecondInstance => "complaint",
        CaseKind.Denunciation => "denunciation",
        _ => "petition",
    };

    /// <summary>The step whose clock runs from receipt: acceptance (thụ lý), preliminary handling, or the reply.</summary>
    public static string ReceptionStep(this CaseKind kind) => kind switch
    {
        CaseKind.ComplaintFirstInstance or CaseKind.ComplaintSecondInstance => "accept",
        CaseKind.Denunciation => "preliminary",
        _ => "process",
    };

    /// <summary>The step whose clock runs from acceptance, or null when the reception clock runs on (petitions).</summary>
    public static string? ResolutionStep(this CaseKind kind) => kind switch
    {
        CaseKind.ComplaintFirstInstance => "resolve",
        CaseKind.ComplaintSecondInstance => "resolve-second",
        CaseKind.Denunciation => "resolve",
        _ => null,
    };

    /// <summary>True for both instances of a complaint.</summary>
    public static bool IsComplaint(this CaseKind kind) =>
        kind is CaseKind.ComplaintFirstInstance or CaseKind.ComplaintSecondInstance;
}
