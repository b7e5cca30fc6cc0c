namespace Petitions.Core.Organisation;

/// <summary>
/// The hierarchy as loaded and validated: units, staff and competence rules. Immutable; built by
/// <see cref="OrganisationLoader"/>. Name chosen to avoid clashing with the namespace.
/// </summary>
public sealed class OrganisationChart
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, StaffMember> _staff;
    private readonly Dictionary<string, List<StaffMember>> _staffByUnit;

    internal OrganisationChart(
        string name,
        bool isDemo,
        IReadOnlyList<Unit> units,
        IReadOnlyList<StaffMember> staff,
        IReadOnlyList<CompetenceRule> rules)
    {
        Name = name;
        IsDemo = isDemo;
        Units = units;
        Staff = staff;
        Rules = rules;
        _units = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _staff = staff.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _staffByUnit = staff.GroupBy(s => s.UnitId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>The organisation's name (the province).</summary>
    public string Name { get; }

    /// <summary>True for the shipped demo province: never to be used for real letters.</summary>
    public bool IsDemo { get; }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<StaffMember> Staff { get; }

    public IReadOnlyList<CompetenceRule> Rules { get; }

    public Unit? FindUnit(string? unitId) =>
        unitId is not null && _units.TryGetValue(unitId, out var unit) ? unit : null;

    public Unit GetUnit(string unitId) =>
        FindUnit(unitId) ?? throw new KeyNotFoundException($"No unit with id '{unitId}'.");

    public StaffMember? FindStaff(string? staffId) =>
        staffId is not null && _staff.TryGetValue(staffId, out var member) ? member : null;

    /// <summary>The member of staff whose sign-in name is <paramref name="login"/> (case-insensitive), or null.</summary>
    public StaffMember? FindStaffByLogin(string? login) =>
        string.IsNullOrWhiteSpace(login) ? null : _staff.Values.FirstOrDefault(s => string.Equals(s.Login, login.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The head of a unit (người đứng đầu): exactly one per unit, guaranteed by validation.</summary>
    public StaffMember HeadOf(string unitId) => StaffOf(unitId).Single(s => s.Role == StaffRole.Head);

    /// <summary>The handling officers of a unit, in a stable order (for round-robin assignment).</summary>
    public IReadOnlyList<StaffMember> OfficersOf(string unitId) =>
        StaffOf(unitId).Where(s => s.Role == StaffRole.Officer).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<StaffMember> StaffOf(string unitId) =>
        _staffByUnit.TryGetValue(unitId, out var list) ? list : [];

    /// <summary>The unit that supervises <paramref name="unitId"/> (its SupervisorId, else its parent).</summary>
    public Unit? SupervisorOf(string unitId)
    {
        var unit = GetUnit(unitId);
        return FindUnit(unit.SupervisorId) ?? FindUnit(unit.ParentId);
    }

    /// <summary>Units whose handling <paramref name="supervisorUnitId"/> supervises, itself included.</summary>
    public IReadOnlyList<Unit> SupervisedBy(string supervisorUnitId) =>
        Units.Where(u => u.Id == supervisorUnitId || SupervisorOf(u.Id)?.Id == supervisorUnitId).ToList();

    /// <summary>Units a citizen can file with, for the public form.</summary>
    public IReadOnlyList<Unit> FilingUnits => Units.Where(u => u.AcceptsFilings).ToList();

    /// <summary>
    /// Applies the competence rules (first match wins) to decide who resolves a letter, and
    /// whether the unit it was filed with handles it, forwards it or guides the citizen.
    /// </summary>
    public CompetenceDecision DecideCompetence(CompetenceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filed = GetUnit(query.FiledUnitId);
        var concerned = FindUnit(query.ConcernedUnitId);
        if (query.ConcernedUnitId is not null && concerned is null)
        {
            throw new KeyNotFoundException($"No unit with id '{query.ConcernedUnitId}'.");
        }

        foreach (var rule in Rules)
        {
            if (!Matches(rule, query, concerned))
            {
                continue;
            }

            var resolving = rule.Resolver switch
            {
                Resolver.ConcernedUnit => concerned ?? filed,
                Resolver.ParentOfConcernedUnit => FindUnit((concerned ?? filed).ParentId),
                Resolver.FiledUnit => filed,
                _ => null,
            };
            if (resolving is null)
            {
                return new CompetenceDecision(CompetenceOutcome.Guide, null, rule);
            }

            var outcome = resolving.Id == filed.Id ? CompetenceOutcome.Handle : CompetenceOutcome.Forward;
            return new CompetenceDecision(outcome, resolving.Id, rule);
        }

        throw new InvalidOperationException(
            $"No competence rule covers a {query.Kind} (instance {query.Instance}) concerning " +
            $"{concerned?.Level.ToString() ?? "no unit"}; the organisation data needs a catch-all rule.");
    }

    private static bool Matches(CompetenceRule rule, CompetenceQuery query, Unit? concerned)
    {
        if (!string.Equals(rule.Kind, query.Kind, StringComparison.Ordinal))
        {
            return false;
        }

        if (rule.Instance is { } instance && instance != query.Instance)
        {
            return false;
        }

        if (rule.ConcernedLevels.Count > 0 && (concerned is null || !rule.ConcernedLevels.Contains(concerned.Level)))
        {
            return false;
        }

        return rule.ConcerningHead is not { } head || head == query.ConcerningHead;
    }
}
