using System.Text.Json;
using Petitions.TestKit;

namespace Petitions.Infra.Tests;

/// <summary>The security and hosting decisions, read from the compiled ARM JSON of infra/main.bicep.</summary>
public sealed class DecisionTests
{
    // Built-in role definition IDs (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    // ACS with Entra ID: Contributor on the ACS resource only (docs/deploy.md, Decisions).
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    private static readonly string[] SecretSettings =
        ["Security__FieldEncryptionKey", "Security__PhoneHashKey", "Notifications__Zalo__OaSecretKey", "Notifications__Zalo__AccessToken"];

    private static List<(string Role, string? ScopeType, string Principal, JsonElement Resource)> RoleAssignments() =>
        BicepCli.Main.AllResources("Microsoft.Authorization/roleAssignments")
            .Select(x => (Compiled.RoleDefinition(x.Scope, x.Resource),
                x.Resource.TryGetProperty("scope", out var s) ? Compiled.ResourceIdType(s) : null,
                Compiled.Principal(x.Scope, x.Resource), x.Resource))
            .ToList();

    [Fact]
    public void Storage_account_refuses_shared_keys_and_public_blobs_and_requires_TLS_1_2_over_HTTPS()
    {
        var (_, account) = Compiled.Declared(Compiled.StorageAccounts);
        var p = account.Properties();

        Assert.False(p.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(p.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", p.GetProperty("minimumTlsVersion").GetString());
        Assert.True(p.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        // the deployment package and the attached files (issue 18): both private
        var containers = BicepCli.Main.AllResources("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(2, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c.Resource.Properties().GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public void The_user_assigned_identity_holds_exactly_the_six_roles_it_needs_each_on_its_resource()
    {
        var identity = Compiled.UserAssignedIdentityPrincipal();

        var held = RoleAssignments().Where(a => a.Principal == identity).Select(a => (a.Role, a.ScopeType)).ToHashSet();

        HashSet<(string, string?)> expected =
        [
            (StorageBlobDataOwner, Compiled.StorageAccounts),
            (StorageQueueDataContributor, Compiled.StorageAccounts),
            (StorageTableDataContributor, Compiled.StorageAccounts),
            (Contributor, "Microsoft.Communication/communicationServices"),
            (KeyVaultSecretsUser, "Microsoft.KeyVault/vaults"),
            (MonitoringMetricsPublisher, "Microsoft.Insights/components"),
        ];
        Assert.True(expected.SetEquals(held),
            "roles of the app identity: " + string.Join(", ", held.Select(h => $"{h.Role} on {h.ScopeType}")));
    }

    [Fact]
    public void The_function_app_runs_as_the_user_assigned_identity_and_resolves_Key_Vault_references_with_it()
    {
        var (scope, site) = Compiled.Declared("Microsoft.Web/sites");
        var identity = site.GetProperty("identity");
        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        var id = Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject()).Name;
        Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", Compiled.ResourceIdType(id));
        var referenceIdentity = site.Properties().GetProperty("keyVaultReferenceIdentity").GetString()!;
        Assert.Equal("Microsoft.ManagedIdentity/userAssignedIdentities", Compiled.ResourceIdType(referenceIdentity));
        Assert.Equal(["identityName"], ArmExpr.FromString(referenceIdentity).FirstArgumentsOf("parameters"));
        Assert.Equal(["identityName"], ArmExpr.FromString(id).FirstArgumentsOf("parameters"));

        // The identity the site names is the one created by the identity module.
        var name = scope.Evaluate(ArmExpr.Parse("parameters('identityName')"));
        var (identityScope, _) = Compiled.Declared("Microsoft.ManagedIdentity/userAssignedIdentities");
        Assert.Equal((identityScope.DeploymentName, "name"), Compiled.DeploymentOutput(name));
    }

    [Fact]
    public void Event_Grid_topic_identity_may_only_add_messages_to_the_storage_account()
    {
        var (_, topic) = Compiled.Declared("Microsoft.EventGrid/systemTopics");
        Assert.Equal("SystemAssigned", topic.GetProperty("identity").GetProperty("type").GetString());

        var assignment = Assert.Single(RoleAssignments(), a => a.Principal == TopicPrincipal());

        Assert.Equal((StorageQueueDataMessageSender, Compiled.StorageAccounts), (assignment.Role, assignment.ScopeType));
    }

    [Fact]
    public void Every_role_assignment_is_scoped_to_one_resource_and_only_the_deployer_gets_anything_else()
    {
        var assignments = RoleAssignments();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.NotNull(a.ScopeType));
        // Besides the app identity (6) and the Event Grid topic (1): the deployer's Key Vault
        // Secrets Officer, only when a principal ID is given.
        var others = assignments.Where(a => a.Principal != Compiled.UserAssignedIdentityPrincipal() && a.Principal != TopicPrincipal()).ToList();
        var deployer = Assert.Single(others);
        Assert.Equal((KeyVaultSecretsOfficer, "Microsoft.KeyVault/vaults"), (deployer.Role, deployer.ScopeType));
        Assert.True(deployer.Resource.TryGetProperty("condition", out _), "the deployer's assignment must be conditional on principalId");
    }

    [Fact]
    public void Communication_Services_disables_local_auth_and_keeps_data_in_Asia_Pacific()
    {
        var (_, acs) = Compiled.Declared("Microsoft.Communication/communicationServices");

        Assert.True(acs.Properties().GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal("Asia Pacific", acs.Properties().GetProperty("dataLocation").GetString());
    }

    [Fact]
    public void SMS_delivery_reports_go_by_the_topic_identity_to_the_queue_named_by_DeliveryReportsQueueName()
    {
        var (scope, subscription) = Compiled.Declared("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var p = subscription.Properties();

        Assert.Contains("Microsoft.Communication.SMSDeliveryReportReceived",
            p.GetProperty("filter").GetProperty("includedEventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.False(p.TryGetProperty("destination", out _), "delivery must use the topic identity (deliveryWithResourceIdentity), not keys");
        var delivery = p.GetProperty("deliveryWithResourceIdentity");
        Assert.Equal("SystemAssigned", delivery.GetProperty("identity").GetProperty("type").GetString());
        var destination = delivery.GetProperty("destination");
        Assert.Equal("StorageQueue", destination.GetProperty("endpointType").GetString());
        Assert.Equal(Compiled.StorageAccounts, Compiled.ResourceIdType(destination.Properties().GetProperty("resourceId")));

        var queue = scope.Evaluate(destination.Properties().GetProperty("queueName"));
        Assert.Equal(Compiled.AppSettings().Literal("DeliveryReportsQueueName"), queue);
    }

    [Fact]
    public void Every_queue_setting_names_a_queue_the_storage_module_creates_with_a_valid_name()
    {
        var created = CreatedNames("Microsoft.Storage/storageAccounts/queueServices/queues");
        var settings = Compiled.AppSettings();

        var queueSettings = settings.Keys.Where(k => k.EndsWith("QueueName", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, queueSettings.Count);
        Assert.All(queueSettings, k => Assert.Contains(settings.Literal(k), created));
        Assert.All(created, q => Assert.Matches("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", q));
        Assert.All(CreatedNames("Microsoft.Storage/storageAccounts/tableServices/tables"), t => Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,62}$", t));
    }

    [Fact]
    public void Key_Vault_uses_Azure_RBAC_with_soft_delete_and_purge_protection()
    {
        var (_, vault) = Compiled.Declared("Microsoft.KeyVault/vaults");
        var p = vault.Properties();

        Assert.True(p.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.False(p.TryGetProperty("accessPolicies", out _), "no access policies with RBAC");
        Assert.True(p.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(p.GetProperty("enablePurgeProtection").GetBoolean());
    }

    [Fact]
    public void Secret_app_settings_are_Key_Vault_references_to_the_templates_vault_never_literals()
    {
        var settings = Compiled.AppSettings();

        foreach (var name in SecretSettings)
        {
            AssertKeyVaultReference(name, settings[name]);
        }

        // Set only when staff sign-in is configured, and then a reference too.
        var auth = Assert.IsType<ArmScope.Conditional>(settings["MICROSOFT_PROVIDER_AUTHENTICATION_SECRET"]);
        AssertKeyVaultReference("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", auth.Then);
        Assert.Null(auth.Else);
    }

    [Fact]
    public void Application_Insights_disables_local_auth_and_telemetry_authenticates_with_the_identity()
    {
        var (_, insights) = Compiled.Declared("Microsoft.Insights/components");

        Assert.True(insights.Properties().GetProperty("DisableLocalAuth").GetBoolean());
        var auth = Assert.IsType<ArmScope.Unknown>(Compiled.AppSettings()["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        var format = Assert.IsType<ArmExpr.Call>(auth.Expression);
        Assert.Equal(new ArmExpr.Str("ClientId={0};Authorization=AAD"), format.Args[0]);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", format.Args[1].FirstArgumentsOf("resourceId"));
    }

    [Fact]
    public void Every_app_setting_the_README_marks_infra_is_an_app_setting_of_the_function_app()
    {
        var rows = ConfigurationTable.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));
        var infra = rows.Where(r => r.SetBy.Trim().Equals("infra", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(infra);
        var settings = Compiled.AppSettings();

        var missing = infra.Where(r => !settings.ContainsKey(r.AppSettingName)).Select(r => r.AppSettingName).ToList();

        Assert.True(missing.Count == 0, "README 'infra' settings missing from the function app's app settings: " + string.Join(", ", missing));
    }

    [Fact]
    public void Trigger_settings_hold_the_PLATFORM_values_and_storage_is_reached_with_the_managed_identity()
    {
        var settings = Compiled.AppSettings();

        Assert.Equal("case-outbox", settings.Literal("OutboxQueueName"));
        Assert.Equal("case-intake", settings.Literal("IntakeQueueName"));
        Assert.Equal("escalations", settings.Literal("EscalationsQueueName"));
        Assert.Equal("notifications", settings.Literal("NotificationsQueueName"));
        Assert.Equal("delivery-reports", settings.Literal("DeliveryReportsQueueName"));
        Assert.Equal("zalo-events", settings.Literal("ZaloEventsQueueName"));
        Assert.Equal("0 */5 * * * *", settings.Literal("EscalationSweepSchedule"));
        Assert.Equal("0 */15 * * * *", settings.Literal("ReceptionRemindersSchedule"));
        Assert.Equal("managedidentity", settings.Literal("AzureWebJobsStorage__credential"));
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "no storage connection string (shared keys are off)");
        Assert.Equal("Production", settings.Literal("ASPNETCORE_ENVIRONMENT"));
        Assert.False(settings.ContainsKey("Timers__TimeZone"), "nothing reads it: the host runs the timers (UTC on Linux Flex Consumption)");
        Assert.True(settings.ContainsKey("Auth__TrustPlatformPrincipal"), "the platform principal is trusted only where App Service Authentication runs");
    }

    [Fact]
    public void Staff_sign_in_uses_Entra_ID_without_blocking_the_citizens_routes()
    {
        var (_, auth) = BicepCli.Main.AllResources("Microsoft.Web/sites/config")
            .Single(x => x.Resource.GetProperty("name").GetString()!.EndsWith("'authsettingsV2')]", StringComparison.Ordinal));
        var p = auth.Properties();

        Assert.True(auth.TryGetProperty("condition", out _), "configured only when entraClientId is given");
        Assert.True(p.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("enabled").GetBoolean());
        Assert.Equal("AllowAnonymous", p.GetProperty("globalValidation").GetProperty("unauthenticatedClientAction").GetString());
        Assert.False(p.GetProperty("globalValidation").GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("AppService", Compiled.AppSettings().Literal("Auth__Mode"));
    }

    [Fact]
    public void The_default_region_is_the_one_nearest_Vietnam_and_resources_carry_the_azd_tags()
    {
        var main = BicepCli.Main;
        Assert.Equal("southeastasia", main.Template.GetProperty("parameters").GetProperty("location").GetProperty("defaultValue").GetString());
        Assert.Contains("${AZURE_LOCATION=southeastasia}", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")), StringComparison.Ordinal);

        var tags = Assert.IsType<Dictionary<string, object?>>(main.Evaluate(ArmExpr.Parse("variables('tags')")));
        Assert.Equal(["environmentName"], Assert.IsType<ArmScope.Unknown>(tags["azd-env-name"]).Expression.FirstArgumentsOf("parameters"));
        var (siteScope, site) = Compiled.Declared("Microsoft.Web/sites");
        var siteTags = Assert.IsType<Dictionary<string, object?>>(siteScope.Evaluate(site.GetProperty("tags")));
        Assert.Equal("api", siteTags["azd-service-name"]);
        Assert.True(siteTags.ContainsKey("azd-env-name"));
    }

    /// <summary>"deployment.output" of the module output holding the Event Grid system topic's principal ID.</summary>
    private static string TopicPrincipal()
    {
        var (scope, _) = Compiled.Declared("Microsoft.EventGrid/systemTopics");
        var output = scope.Template.GetProperty("outputs").EnumerateObject()
            .Single(o => o.Value.GetProperty("value").GetString()!.Contains("Microsoft.EventGrid/systemTopics", StringComparison.Ordinal)
                && o.Value.GetProperty("value").GetString()!.EndsWith(".identity.principalId]", StringComparison.Ordinal)).Name;
        return $"{scope.DeploymentName}.{output}";
    }

    private static List<string> CreatedNames(string type)
    {
        var (scope, resource) = Compiled.Declared(type);
        // name: format('{0}/{1}/{2}', parameters('name'), 'default', parameters('queueNames')[copyIndex()]), copied over that array.
        var count = ArmExpr.FromString(resource.GetProperty("copy").GetProperty("count").GetString()!);
        var array = Assert.IsType<ArmExpr.Call>(count) is { Name: "length", Args: [var a] } ? a : throw new InvalidOperationException("copy count is not length(array)");
        return Assert.IsType<List<object?>>(scope.Evaluate(array)).Cast<string>().ToList();
    }

    private static void AssertKeyVaultReference(string name, object? value)
    {
        var reference = Assert.IsType<ArmScope.Unknown>(value);
        var format = Assert.IsType<ArmExpr.Call>(reference.Expression);
        Assert.Equal("format", format.Name);
        Assert.Equal(new ArmExpr.Str("@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)"), format.Args[0]);
        // {0}: the vaultUri of the template's own vault; {1}: a secret name from storage-layout.json.
        Assert.True(format.Args[1] is ArmExpr.Member { Name: "vaultUri" }
            && format.Args[1].FirstArgumentsOf("resourceId").Contains("Microsoft.KeyVault/vaults"), $"{name}: not the vault's URI");
        var secret = Assert.IsType<string>(reference.Scope.Evaluate(format.Args[2]));
        Assert.Matches("^[a-z0-9-]+$", secret);
    }
}
