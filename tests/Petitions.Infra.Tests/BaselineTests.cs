using System.Text.Json;
using System.Text.RegularExpressions;
using Petitions.Infra.Tests.Bicep;
using Petitions.TestKit;

namespace Petitions.Infra.Tests;

/// <summary>The security and hosting choices of issue 8, read from the templates.</summary>
public sealed partial class BaselineTests
{
    private static (BicepFile File, BicepResource Resource) Declared(string relativePath, string type)
    {
        var file = BicepParser.InfraFile(relativePath);
        return (file, file.Resources.Single(r => r.Type == type && !r.Existing));
    }

    [Fact]
    public void Storage_accepts_Entra_ID_only_over_TLS_1_2_with_no_public_blobs()
    {
        var (file, account) = Declared("app/storage.bicep", "Microsoft.Storage/storageAccounts");

        Assert.Equal("false", file.PropertyText(account.Body, "properties.allowSharedKeyAccess"));
        Assert.Equal("TLS1_2", file.PropertyText(account.Body, "properties.minimumTlsVersion"));
        Assert.Equal("false", file.PropertyText(account.Body, "properties.allowBlobPublicAccess"));
        Assert.Equal("true", file.PropertyText(account.Body, "properties.supportsHttpsTrafficOnly"));
    }

    [Fact]
    public void Monitoring_Key_Vault_and_Communication_Services_follow_the_policy()
    {
        var (monitoring, insights) = Declared("app/monitoring.bicep", "Microsoft.Insights/components");
        Assert.Equal("true", monitoring.PropertyText(insights.Body, "properties.DisableLocalAuth"));

        var (vaultFile, vault) = Declared("app/keyvault.bicep", "Microsoft.KeyVault/vaults");
        Assert.Equal("true", vaultFile.PropertyText(vault.Body, "properties.enableRbacAuthorization"));
        Assert.Equal("true", vaultFile.PropertyText(vault.Body, "properties.enablePurgeProtection"));

        var (communication, acs) = Declared("app/communication.bicep", "Microsoft.Communication/communicationServices");
        Assert.Equal("Asia Pacific", communication.PropertyText(acs.Body, "properties.dataLocation"));
    }

    [Fact]
    public void SMS_delivery_reports_reach_the_delivery_report_queue_through_the_topic_identity()
    {
        var (file, subscription) = Declared("app/events.bicep", "Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Contains("Microsoft.Communication.SMSDeliveryReportReceived",
            file.PropertyText(subscription.Body, "properties.filter.includedEventTypes"), StringComparison.Ordinal);
        Assert.Equal("StorageQueue", file.PropertyText(subscription.Body, "properties.deliveryWithResourceIdentity.destination.endpointType"));
        Assert.Null(file.Property(subscription.Body, "properties.destination"));

        var main = BicepParser.InfraFile("main.bicep");
        var events = main.Root.Named.Single(n => n.Type == "module_declaration" && main.Text(n.Named[0]) == "events");
        Assert.Equal("layout.deliveryReportQueue", main.PropertyText(events.Named[^1], "params.queueName"));
    }

    [Fact]
    public void Staff_sign_in_uses_Entra_ID_without_blocking_the_citizens_routes()
    {
        var api = BicepParser.InfraFile("app/api.bicep");
        var auth = api.Resources.Single(r => r.Type == "Microsoft.Web/sites/config" && api.PropertyText(r.Body, "name") == "authsettingsV2");

        Assert.Equal("true", api.PropertyText(auth.Body, "properties.identityProviders.azureActiveDirectory.enabled"));
        Assert.Equal("AllowAnonymous", api.PropertyText(auth.Body, "properties.globalValidation.unauthenticatedClientAction"));
        Assert.Equal("'AppService'", api.Text(api.Property(api.Variable("appSettings"), "Auth__Mode")!));
    }

    [Fact]
    public void The_default_region_is_the_one_nearest_Vietnam_and_names_use_abbreviations()
    {
        var main = BicepParser.InfraFile("main.bicep");
        Assert.Equal("southeastasia", main.Literal(main.Parameters.Single(p => p.Name == "location").Default!));
        Assert.Contains("${AZURE_LOCATION=southeastasia}", File.ReadAllText(Path.Combine(BicepParser.InfraFolder, "main.parameters.json")), StringComparison.Ordinal);

        using var abbreviations = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepParser.InfraFolder, "abbreviations.json")));
        var used = AbbreviationUse().Matches(main.Source).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(abbreviations.RootElement.TryGetProperty(name, out _), $"abbreviations.json lacks '{name}'"));
        Assert.Contains("'azd-env-name': environmentName", main.Text(main.Variable("tags")!), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_module_path_points_at_a_template_in_infra()
    {
        var modules = BicepParser.Infra.SelectMany(f => f.Root.Named
            .Where(n => n.Type == "module_declaration")
            .Select(n => (File: f, Path: f.Literal(n.Named[1])))).ToList();

        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.True(
            File.Exists(Path.Combine(Path.GetDirectoryName(m.File.Path)!, m.Path)),
            $"{m.File.RelativePath}: module '{m.Path}' does not exist"));
    }


    [GeneratedRegex(@"abbrs\.([A-Za-z]+)")]
    private static partial Regex AbbreviationUse();
}
