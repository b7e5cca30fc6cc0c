using System.Text.Json.Serialization;

namespace Petitions.Infra.Tests.Bicep;

/// <summary>A named node of the tree-sitter Bicep syntax tree; offsets are UTF-16 indexes into the file text.</summary>
public sealed record BicepNode(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("existing")] bool Existing,
    [property: JsonPropertyName("children")] IReadOnlyList<BicepNode>? Children)
{
    /// <summary>Children without comments.</summary>
    public IReadOnlyList<BicepNode> Named =>
        (Children ?? []).Where(c => c.Type != "comment").ToList();

    public IEnumerable<BicepNode> Descendants()
    {
        foreach (var child in Children ?? [])
        {
            yield return child;
            foreach (var grandChild in child.Descendants())
            {
                yield return grandChild;
            }
        }
    }
}

/// <summary>One syntax error: an ERROR node (unexpected text) or a MISSING node (expected token absent).</summary>
public sealed record BicepSyntaxError(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("text")] string Text)
{
    public override string ToString() => $"{Line}:{Column} {Kind} {Text}";
}

public sealed record ParsedFileDto(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("errors")] IReadOnlyList<BicepSyntaxError> Errors,
    [property: JsonPropertyName("tree")] BicepNode Tree);

public sealed record ParseResultDto([property: JsonPropertyName("files")] IReadOnlyList<ParsedFileDto> Files);
