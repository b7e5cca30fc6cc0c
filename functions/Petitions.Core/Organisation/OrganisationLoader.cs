using Petitions.Core.Citizens;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Petitions.Core.Organisation;

/// <summary>
/// Loads the organisation (units, staff, competence rules) from JSON and validates it, reporting
/// every problem at once with its place in the file. The app loads it at start and refuses to
/// start on invalid data.
/// </summary>
public static partial class OrganisationLoader
{
    /// <summary>The embedded demo province (clearly marked demo).</summary>
    public const string DemoResourceName = "Petitions.Core.Organisation.demo-organisation.data.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly string[] Kinds = ["complaint", "denunciation", "petition"];

    /// <summary>Loads the shipped demo province.</summary>
    public static OrganisationChart LoadDemo()
    {
        using var stream = typeof(OrganisationLoader).Assembly.GetManifestResourceStream(DemoResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DemoResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "demo-organisation.data.json");
    }

    /// <summary>Loads a file (the <c>Organisation:Path</c> setting).</summary>
    public static OrganisationChart LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates; throws <see cref="OrganisationDataException"/> listing every problem.</summary>
    public static OrganisationChart Parse(string json, string origin)
    {
        OrganisationDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<OrganisationDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new OrganisationDataException(origin, [$"not valid JSON at {ex.Path} (line {ex.LineNumber + 1}): {ex.Message}"]);
        }

        if (doc is null)
        {
            throw new OrganisationDataException(origin, ["the file is empty"]);
        }

        var errors = new List<string>();
        var units = ValidateUnits(doc, errors);
        var staff = ValidateStaff(doc, units, errors);
        var rules = ValidateRules(doc, errors);

        if (string.IsNullOrWhiteSpace(doc.Name))
        {
            errors.Add("name: the organisation needs a name");
        }

        if (errors.Count > 0)
        {
            throw new OrganisationDataException(origin, errors);
        }

        // Reached only when ids are unique, so the chart's dictionaries cannot collide.
        return new OrganisationChart(doc.Name!, doc.Demo, units, staff, rules);
    }

    private static List<Unit> ValidateUnits(OrganisationDocument doc, List<string> errors)
    {
        var units = new List<Unit>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Units.Count; i++)
        {
            var u = doc.Units[i];
            var at = $"units[{i}]";
            if (!IsSafeId(u.Id))
            {
                errors.Add($"{at}.id: '{u.Id}' must be 1–63 lower-case letters, digits or '-'");
                continue;
            }

            if (!ids.Add(u.Id!))
            {
                errors.Add($"{at}.id: '{u.Id}' appears twice");
            }

            if (string.IsNullOrWhiteSpace(u.Name))
            {
                errors.Add($"{at}.name: unit '{u.Id}' needs a name");
            }

            if (u.Level is null)
            {
                errors.Add($"{at}.level: unit '{u.Id}' needs a level (province, inspectorate, department, commune, ward, specialZone)");
                continue;
            }

            units.Add(new Unit(u.Id!, u.Name ?? "", u.NameEn ?? u.Name ?? "", u.Level.Value, u.ParentId, u.SupervisorId,
                u.RemoteArea, u.Fields ?? [], u.AcceptsFilings ?? true));
        }

        foreach (var unit in units)
        {
            if (unit.ParentId is not null && !ids.Contains(unit.ParentId))
            {
                errors.Add($"unit '{unit.Id}': parent '{unit.ParentId}' does not exist");
            }

            if (unit.SupervisorId is not null && !ids.Contains(unit.SupervisorId))
            {
                errors.Add($"unit '{unit.Id}': supervisor '{unit.SupervisorId}' does not exist");
            }

            if (unit.Level != UnitLevel.Province && unit.ParentId is null)
            {
                errors.Add($"unit '{unit.Id}': a {unit.Level} needs a parent unit");
            }
        }

        var byId = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            byId.TryAdd(unit.Id, unit);
        }

        foreach (var unit in units)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var cur = unit; cur.ParentId is not null && byId.TryGetValue(cur.ParentId, out var parent); cur = parent)
            {
                if (!seen.Add(cur.Id))
                {
                    errors.Add($"unit '{unit.Id}': its parents form a cycle");
                    break;
                }
            }
        }

        if (units.Count == 0)
        {
            errors.Add("units: at least one unit is needed");
        }

        return units;
    }

    private static List<StaffMember> ValidateStaff(OrganisationDocument doc, List<Unit> units, List<string> errors)
    {
        var staff = new List<StaffMember>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unitIds = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < doc.Staff.Count; i++)
        {
            var s = doc.Staff[i];
            var at = $"staff[{i}]";
            if (!IsSafeId(s.Id))
            {
                errors.Add($"{at}.id: '{s.Id}' must be 1–63 lower-case letters, digits or '-'");
                continue;
            }

            if (!ids.Add(s.Id!))
            {
                errors.Add($"{at}.id: '{s.Id}' appears twice");
            }

            if (s.UnitId is null || !unitIds.Contains(s.UnitId))
            {
                errors.Add($"{at}.unitId: '{s.UnitId}' is not a unit");
                continue;
            }

            if (s.Role is null)
            {
                errors.Add($"{at}.role: '{s.Id}' needs a role (officer, deputy, head, supervisor, admin)");
                continue;
            }

            staff.Add(new StaffMember(s.Id!, s.Name ?? s.Id!, s.UnitId, s.Role.Value, s.Title ?? "", string.IsNullOrWhiteSpace(s.Login) ? null : s.Login.Trim())
            {
                Fields = s.Fields ?? [],
                Contact = ValidateContact(s, at, errors),
            });
        }

        foreach (var unit in units)
        {
            var heads = staff.Count(s => s.UnitId == unit.Id && s.Role == StaffRole.Head);
            if (heads != 1)
            {
                errors.Add($"unit '{unit.Id}': needs exactly one head (người đứng đầu), has {heads}");
            }
        }

        return staff;
    }

    /// <summary>
    /// The contact of a staff entry. A problem names the place and the rule, never the value: the values are personal data.
    /// </summary>
    private static StaffContact ValidateContact(StaffDocument s, string at, List<string> errors)
    {
        PhoneNumber? phone = null;
        if (s.WorkPhone is not null)
        {
            if (!E164VietnamMobile().IsMatch(s.WorkPhone) || !PhoneNumber.TryParse(s.WorkPhone, out phone))
            {
                errors.Add($"{at}.workPhone: the work phone of '{s.Id}' must be a Vietnamese mobile number written in E.164, '+84' then 9 digits starting with 3, 5, 7, 8 or 9 (e.g. +84912345678)");
            }
        }

        if (s.ZaloUserId is not null && !ZaloUserId().IsMatch(s.ZaloUserId))
        {
            errors.Add($"{at}.zaloUserId: the Zalo user id of '{s.Id}' must be 1–32 digits (the id Zalo gives the person's account)");
        }

        if (s.Email is not null && !IsEmail(s.Email))
        {
            errors.Add($"{at}.email: the e-mail of '{s.Id}' must be one address such as name@example.gov.vn");
        }

        return phone is null && s.ZaloUserId is null && s.Email is null
            ? StaffContact.None
            : new StaffContact(phone, s.ZaloUserId, s.Email);
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && !value.Any(char.IsWhiteSpace) &&
        System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^\+84[35789][0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164VietnamMobile();

    [GeneratedRegex("^[0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZaloUserId();

    private static List<CompetenceRule> ValidateRules(OrganisationDocument doc, List<string> errors)
    {
        var rules = new List<CompetenceRule>();
        for (var i = 0; i < doc.Competence.Count; i++)
        {
            var r = doc.Competence[i];
            var at = $"competence[{i}]";
            if (r.Kind is null || !Kinds.Contains(r.Kind, StringComparer.Ordinal))
            {
                errors.Add($"{at}.kind: '{r.Kind}' must be one of {string.Join(", ", Kinds)}");
                continue;
            }

            if (r.Instance is not (null or 1 or 2))
            {
                errors.Add($"{at}.instance: {r.Instance} must be 1 or 2");
            }

            if (r.Resolver is null)
            {
                errors.Add($"{at}.resolver: needed (concernedUnit, parentOfConcernedUnit, filedUnit, outside)");
                continue;
            }

            if (string.IsNullOrWhiteSpace(r.Source))
            {
                errors.Add($"{at}.source: every competence rule cites its legal source");
            }

            rules.Add(new CompetenceRule(r.Kind, r.Instance, r.ConcernedLevels ?? [], r.ConcerningHead, r.Resolver.Value, r.Source ?? ""));
        }

        foreach (var kind in Kinds)
        {
            if (!rules.Any(r => r.Kind == kind && r.Instance is null && r.ConcernedLevels.Count == 0 && r.ConcerningHead is null))
            {
                errors.Add($"competence: no catch-all rule for {kind} (one without instance, levels or head)");
            }
        }

        return rules;
    }

    private static bool IsSafeId(string? id) => id is not null && SafeId().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();

    private sealed class OrganisationDocument
    {
        public string? Name { get; set; }

        public bool Demo { get; set; }

        public List<UnitDocument> Units { get; set; } = [];

        public List<StaffDocument> Staff { get; set; } = [];

        public List<RuleDocument> Competence { get; set; } = [];
    }

    private sealed class UnitDocument
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? NameEn { get; set; }

        public UnitLevel? Level { get; set; }

        public string? ParentId { get; set; }

        public string? SupervisorId { get; set; }

        public bool RemoteArea { get; set; }

        public List<string>? Fields { get; set; }

        public bool? AcceptsFilings { get; set; }
    }

    private sealed class StaffDocument
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? UnitId { get; set; }

        public StaffRole? Role { get; set; }

        public string? Title { get; set; }

        public string? Login { get; set; }

        public List<string>? Fields { get; set; }
        public string? WorkPhone { get; set; }

        public string? ZaloUserId { get; set; }

        public string? Email { get; set; }
    }

    private sealed class RuleDocument
    {
        public string? Kind { get; set; }

        public int? Instance { get; set; }

        public List<UnitLevel>? ConcernedLevels { get; set; }

        public bool? ConcerningHead { get; set; }

        public Resolver? Resolver { get; set; }

        public string? Source { get; set; }
    }
}

/// <summary>The organisation data is invalid; <see cref="Problems"/> lists every problem found.</summary>
public sealed class OrganisationDataException(string origin, IReadOnlyList<string> problems)
    : Exception($"The organisation data in {origin} is invalid:\n- " + string.Join("\n- ", problems))
{
    public string Origin { get; } = origin;

    public IReadOnlyList<string> Problems { get; } = problems;
}
