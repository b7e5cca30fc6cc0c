using System.Text.Json;
using Petitions.Infra.Tests.Bicep;
using Petitions.TestKit;

namespace Petitions.Infra.Tests;

public sealed class RoleAssignmentTests
{
    private const string Storage = "Microsoft.Storage/storageAccounts";

    private static JsonElement Layout() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepParser.InfraFolder, "app", "storage-layout.json"))).RootElement;

    [Theory]
    [InlineData(RoleAssignments.StorageQueueDataContributor, Storage)]
    [InlineData(RoleAssignments.StorageTableDataContributor, Storage)]
    [InlineData(RoleAssignments.StorageBlobDataOwner, Storage)]
    [InlineData(RoleAssignments.MonitoringMetricsPublisher, "Microsoft.Insights/components")]
    [InlineData(RoleAssignments.KeyVaultSecretsUser, "Microsoft.KeyVault/vaults")]
    public void The_function_identity_holds_the_role_on_the_resource_it_uses(string roleId, string scopeType)
    {
        var assignments = RoleAssignments.InRbacTemplate();

        Assert.Contains(assignments, a => a.RoleId == roleId && a.ScopeType == scopeType && a.Principal == "appPrincipalId");
    }

    [Fact]
    public void The_function_identity_may_send_SMS_through_Communication_Services_and_nothing_wider()
    {
        var acs = RoleAssignments.InRbacTemplate().Where(a => a.Principal == "appPrincipalId"
            && a.RoleId is RoleAssignments.Contributor or RoleAssignments.CommunicationAndEmailServiceOwner).ToList();

        var assignment = Assert.Single(acs);
        Assert.Equal("Microsoft.Communication/communicationServices", assignment.ScopeType);
    }

    [Fact]
    public void Event_Grid_may_only_add_messages_to_the_storage_queues()
    {
        var eventGrid = RoleAssignments.InRbacTemplate().Where(a => a.Principal == "eventGridPrincipalId").ToList();

        var assignment = Assert.Single(eventGrid);
        Assert.Equal(RoleAssignments.StorageQueueDataMessageSender, assignment.RoleId);
        Assert.Equal(Storage, assignment.ScopeType);
    }

    [Fact]
    public void Every_role_assignment_is_scoped_to_one_resource_not_the_resource_group()
    {
        var assignments = RoleAssignments.InRbacTemplate();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            Assert.NotEqual("(resource group)", a.ScopeType);
            Assert.Matches("^[0-9a-f-]{36}$", a.RoleId);
        });
    }

    [Fact]
    public void The_role_reader_resolves_roles_through_a_variable_table()
    {
        var file = BicepParser.ParseText("""
            var roles = {
              reader: 'ACDD72A7-3385-48EF-BD42-F606FBA81AE7'
            }
            resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
              name: 'kv'
            }
            resource r 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid('r')
              scope: kv
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.reader)
                principalId: somebody
              }
            }
            """);

        var assignment = Assert.Single(RoleAssignments.Read(file));

        Assert.Equal(new RoleAssignment("r", "acdd72a7-3385-48ef-bd42-f606fba81ae7", "Microsoft.KeyVault/vaults", "somebody"), assignment);
    }

    [Fact]
    public void Every_queue_a_function_binds_to_is_created_by_the_templates()
    {
        var queues = Layout().GetProperty("queues").EnumerateArray().Select(q => q.GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(Layout().GetProperty("deliveryReportQueue").GetString()!, queues);

        var bound = FunctionJsonFiles()
            .SelectMany(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("bindings").EnumerateArray()
                .Where(b => b.TryGetProperty("queueName", out _))
                .Select(b => (Path: path, Queue: b.GetProperty("queueName").GetString()!)))
            .Where(b => !b.Queue.StartsWith('%')) // an app-setting placeholder, resolved at run time
            .ToList();

        var missing = bound.Where(b => !queues.Contains(b.Queue)).Select(b => $"{b.Queue} ({b.Path})").ToList();
        Assert.True(missing.Count == 0, "Queues bound in function.json but absent from infra/app/storage-layout.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Queue_and_table_names_are_valid_Azure_names()
    {
        Assert.All(Layout().GetProperty("queues").EnumerateArray(), q =>
            Assert.Matches("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", q.GetString()));
        Assert.All(Layout().GetProperty("tables").EnumerateArray(), t =>
            Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,62}$", t.GetString()));
    }

    private static IEnumerable<string> FunctionJsonFiles()
    {
        var functions = Path.Combine(RepositoryPaths.Root, "functions");
        return Directory.Exists(functions)
            ? Directory.EnumerateFiles(functions, "function.json", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : [];
    }
}
