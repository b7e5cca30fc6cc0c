using System.Text.Json;

namespace Petitions.Core.Reception;

/// <summary>
/// A legal ground for unscheduled reception (tiếp công dân đột xuất): the public reason of the record. Staff choose a
/// ground and may add a note, which stays internal (it may name people).
/// </summary>
/// <param name="Id">Stable id (<c>complex</c>, <c>urgent</c>).</param>
/// <param name="Point">The point of the article (a, b).</param>
/// <param name="Vi">Vietnamese wording, published.</param>
/// <param name="En">English wording.</param>
public sealed record UnscheduledGround(string Id, string Point, string Vi, string En);

/// <summary>The shipped grounds, read from <c>Reception/unscheduled-grounds.data.json</c>.</summary>
public static class UnscheduledGrounds
{
    /// <summary>The embedded data.</summary>
    public const string ResourceName = "Petitions.Core.Reception.unscheduled-grounds.data.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly Lazy<Document> Shipped = new(Load);

    /// <summary>Every ground.</summary>
    public static IReadOnlyList<UnscheduledGround> All => Shipped.Value.Grounds;

    /// <summary>The article the grounds come from.</summary>
    public static string Source => Shipped.Value.Source;

    /// <summary>Whether the wording was checked against the statute text.</summary>
    public static bool Confirmed => Shipped.Value.Confirmed;

    /// <summary>The ground with this id, or null.</summary>
    public static UnscheduledGround? Find(string? id) => All.FirstOrDefault(g => g.Id == id);

    private static Document Load()
    {
        using var stream = typeof(UnscheduledGrounds).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var document = JsonSerializer.Deserialize<Document>(stream, Json)
            ?? throw new InvalidDataException("The unscheduled reception grounds are empty.");
        if (document.Grounds.Count == 0 || string.IsNullOrWhiteSpace(document.Source) ||
            document.Grounds.Any(g => string.IsNullOrWhiteSpace(g.Id) || string.IsNullOrWhiteSpace(g.Vi) || string.IsNullOrWhiteSpace(g.En)))
        {
            throw new InvalidDataException("Every unscheduled reception ground needs an id and its wording, and the file a source.");
        }

        return document;
    }

    private sealed record Document(string Source, bool Confirmed, IReadOnlyList<UnscheduledGround> Grounds);
}
