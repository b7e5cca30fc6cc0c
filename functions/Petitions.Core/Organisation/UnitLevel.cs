namespace Petitions.Core.Organisation;

/// <summary>
/// The kinds of unit in Vietnam's two-level local government (from 2025-07-01: province and
/// commune/ward/special zone; no district level).
/// </summary>
public enum UnitLevel
{
    /// <summary>Ủy ban nhân dân tỉnh/thành phố: the provincial People's Committee.</summary>
    Province,

    /// <summary>Thanh tra tỉnh: the provincial inspectorate.</summary>
    Inspectorate,

    /// <summary>Sở: a provincial department.</summary>
    Department,

    /// <summary>Xã: a rural commune.</summary>
    Commune,

    /// <summary>Phường: an urban ward.</summary>
    Ward,

    /// <summary>Đặc khu: a special zone (e.g. an island district).</summary>
    SpecialZone,
}

/// <summary>Groupings of levels used by the competence rules.</summary>
public static class UnitLevels
{
    /// <summary>Commune, ward or special zone: the local (cấp xã) level.</summary>
    public static bool IsCommuneLevel(this UnitLevel level) =>
        level is UnitLevel.Commune or UnitLevel.Ward or UnitLevel.SpecialZone;
}
