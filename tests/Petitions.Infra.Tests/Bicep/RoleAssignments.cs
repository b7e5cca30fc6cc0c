using System.Text.RegularExpressions;

namespace Petitions.Infra.Tests.Bicep;

/// <summary>A role assignment of infra/app/rbac.bicep, resolved to its role GUID, scope type and principal parameter.</summary>
public sealed record RoleAssignment(string Symbol, string RoleId, string ScopeType, string Principal);

public static partial class RoleAssignments
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string CommunicationAndEmailServiceOwner = "09976791-48a7-449e-bb21-39d1a415f350";

    public static IReadOnlyList<RoleAssignment> InRbacTemplate() => Read(BicepParser.InfraFile("app/rbac.bicep"));

    public static IReadOnlyList<RoleAssignment> Read(BicepFile file)
    {
        var resources = file.Resources.ToList();
        var scopeTypes = resources.ToDictionary(r => r.Symbol, r => r.Type, StringComparer.Ordinal);
        return resources
            .Where(r => r.Type == "Microsoft.Authorization/roleAssignments")
            .Select(r => new RoleAssignment(
                r.Symbol,
                RoleId(file, file.Property(r.Body, "properties.roleDefinitionId")),
                scopeTypes.GetValueOrDefault(file.PropertyText(r.Body, "scope") ?? string.Empty, "(resource group)"),
                file.PropertyText(r.Body, "properties.principalId") ?? string.Empty))
            .ToList();
    }

    /// <summary>The GUID in a roleDefinitionId expression, following one variable reference (roles.xyz).</summary>
    private static string RoleId(BicepFile file, BicepNode? expression)
    {
        if (expression is null)
        {
            return string.Empty;
        }

        var text = file.Text(expression);
        var literal = Guid().Match(text);
        if (literal.Success)
        {
            return literal.Value.ToLowerInvariant();
        }

        foreach (var member in expression.Descendants().Prepend(expression).Where(n => n.Type == "member_expression"))
        {
            var parts = member.Named;
            if (file.Variable(file.Text(parts[0])) is { } table && file.PropertyText(table, file.Text(parts[^1])) is { } value
                && Guid().Match(value) is { Success: true } match)
            {
                return match.Value.ToLowerInvariant();
            }
        }

        foreach (var identifier in expression.Descendants().Where(n => n.Type == "identifier"))
        {
            if (file.Variable(file.Text(identifier)) is { } value && Guid().Match(file.Literal(value)) is { Success: true } match)
            {
                return match.Value.ToLowerInvariant();
            }
        }

        return string.Empty;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
