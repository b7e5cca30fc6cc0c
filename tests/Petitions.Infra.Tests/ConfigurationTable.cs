using System.Text.RegularExpressions;

namespace Petitions.Infra.Tests;

/// <summary>One row of a "## Configuration" markdown table: the setting and who sets it.</summary>
public sealed record ConfigurationRow(string Setting, string SetBy)
{
    /// <summary>App setting form: configuration keys may be written with ':' in the README.</summary>
    public string AppSettingName => Setting.Replace(":", "__", StringComparison.Ordinal);
}

public static partial class ConfigurationTable
{
    /// <summary>Reads the table under "## Configuration": rows whose first cell is a backticked setting name.</summary>
    public static IReadOnlyList<ConfigurationRow> Read(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "## Configuration");
        if (start < 0)
        {
            throw new InvalidOperationException("No '## Configuration' section.");
        }

        var section = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.TrimStart().StartsWith('|'))
            .Select(Cells)
            .ToList();
        if (section.Count == 0)
        {
            throw new InvalidOperationException("The '## Configuration' section has no table.");
        }

        var setByColumn = section[0].FindIndex(c => c.Contains("set by", StringComparison.OrdinalIgnoreCase));
        if (setByColumn < 0)
        {
            throw new InvalidOperationException("The configuration table has no 'Set by' column.");
        }

        return section.Skip(1)
            .Select(cells => (Name: SettingName().Match(cells[0]), Cells: cells))
            .Where(row => row.Name.Success)
            .Select(row => new ConfigurationRow(
                row.Name.Groups[1].Value,
                setByColumn < row.Cells.Count ? row.Cells[setByColumn] : string.Empty))
            .ToList();
    }

    private static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    [GeneratedRegex("^`([^`]+)`$")]
    private static partial Regex SettingName();
}
