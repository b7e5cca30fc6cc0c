namespace Petitions.Core.Organisation;

/// <summary>An administrative unit that receives or resolves letters.</summary>
/// <param name="Id">Stable identifier, safe as a storage key (letters, digits, '-').</param>
/// <param name="Name">Full Vietnamese name, e.g. "Ủy ban nhân dân phường Cẩm Tây".</param>
/// <param name="NameEn">English name, for the English UI.</param>
/// <param name="Level">Its level in the hierarchy.</param>
/// <param name="ParentId">The unit it belongs to (communes and departments → the province).</param>
/// <param name="SupervisorId">The unit that supervises its handling of letters (usually the provincial inspectorate).</param>
/// <param name="RemoteArea">Remote or hard-to-reach area (vùng sâu, vùng xa): longer legal limits apply.</param>
/// <param name="Fields">Fields of competence (e.g. "land", "construction"), used to route petitions.</param>
/// <param name="AcceptsFilings">Whether citizens can file with it directly (shown in the public form).</param>
public sealed record Unit(
    string Id,
    string Name,
    string NameEn,
    UnitLevel Level,
    string? ParentId,
    string? SupervisorId,
    bool RemoteArea,
    IReadOnlyList<string> Fields,
    bool AcceptsFilings);
