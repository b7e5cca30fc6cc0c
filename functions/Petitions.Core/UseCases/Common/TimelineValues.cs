using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Petitions.Core.Cases;
using Petitions.Core.Organisation;

namespace Petitions.Core.UseCases.Common;

/// <summary>
/// The staff timeline as data: each event's own fields as strings (camelCase names, dates yyyy-MM-dd, enums camelCase,
/// lists joined by ", "), so the pages render it in the reader's language from the i18n key <c>timeline.{type}</c>.
/// Nothing is stored differently: the stored events are typed records already, and this reads their fields, so every
/// event ever stored (and every new event type) gets its values without a migration.
/// Names are added next to ids, because the pages do not hold the organisation: a unit field <c>x</c> gets
/// <c>xName</c> (Vietnamese) and <c>xNameEn</c>; a staff field gets <c>xName</c>.
/// </summary>
public static class TimelineValues
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly HashSet<string> Envelope = new(StringComparer.Ordinal) { "type", "caseId", "sequence", "actor", "at", "later" };

    private static readonly HashSet<string> UnitFields = new(StringComparer.Ordinal) { "unitId", "toUnit", "fromUnit" };

    private static readonly HashSet<string> StaffFields = new(StringComparer.Ordinal) { "officerId", "responsibleHeadId", "staffId" };

    /// <summary>The values of <paramref name="e"/> for the staff timeline.</summary>
    public static IReadOnlyDictionary<string, string> Of(CaseEvent e, OrganisationChart chart)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(chart);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (JsonSerializer.SerializeToNode(e, Options) is JsonObject fields)
        {
            foreach (var (name, node) in fields)
            {
                if (!Envelope.Contains(name) && Text(node) is { } text)
                {
                    values[name] = text;
                }
            }
        }

        foreach (var name in values.Keys.ToList())
        {
            var id = values[name];
            if (UnitFields.Contains(name) && chart.FindUnit(id) is { } unit)
            {
                values[name + "Name"] = unit.Name;
                values[name + "NameEn"] = unit.NameEn ?? unit.Name;
            }
            else if (StaffFields.Contains(name) && chart.FindStaff(id) is { } member)
            {
                values[name + "Name"] = member.Name;
            }
        }

        Refine(e, values);
        return values;
    }

    /// <summary>What a field alone does not say: the routing rule's outcome apart from its source, the day of a meeting.</summary>
    private static void Refine(CaseEvent e, SortedDictionary<string, string> values)
    {
        switch (e)
        {
            // Stored as "{Outcome}: {source}" (ProcessCase): the outcome is a code the page translates.
            case CaseRouted { Rule: var rule } when rule.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon:
                values["outcome"] = JsonNamingPolicy.CamelCase.ConvertName(rule[..colon]);
                values["source"] = rule[(colon + 2)..];
                values.Remove("rule");
                break;
            case ReceptionMeetingRecorded m:
                values["on"] = Iso(LegalClock.VietnamDate.Of(m.At));
                values.Remove("raised");
                values.Remove("attendees");
                break;
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonArray list => string.Join(", ", list.Select(Text).Where(t => t is not null)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
