using System.Text.Json;

namespace Petitions.Infra.Tests;

/// <summary>Reads the decisions out of the compiled ARM template of infra/main.bicep.</summary>
public static class Compiled
{
    public const string StorageAccounts = "Microsoft.Storage/storageAccounts";

    /// <summary>The one declared resource of a type, with the (nested) template it is in.</summary>
    public static (ArmScope Scope, JsonElement Resource) Declared(string type)
    {
        var all = BicepCli.Main.AllResources(type).ToList();
        Assert.True(all.Count == 1, $"expected one {type}, found {all.Count}");
        return all[0];
    }

    public static JsonElement Properties(this JsonElement resource) => resource.GetProperty("properties");

    /// <summary>The function app's app settings (the sites/config 'appsettings' resource), evaluated.</summary>
    public static IReadOnlyDictionary<string, object?> AppSettings()
    {
        var (scope, config) = BicepCli.Main.AllResources("Microsoft.Web/sites/config")
            .Single(x => x.Resource.GetProperty("name").GetString()!.EndsWith("'appsettings')]", StringComparison.Ordinal));
        var settings = scope.Evaluate(config.Properties());
        return Assert.IsType<Dictionary<string, object?>>(settings);
    }

    /// <summary>The app setting's value when it is known before deployment (a literal).</summary>
    public static string Literal(this IReadOnlyDictionary<string, object?> settings, string name)
    {
        Assert.True(settings.ContainsKey(name), $"app setting {name} is not set");
        return Assert.IsType<string>(settings[name]);
    }

    /// <summary>
    /// The deployment and output a value comes from when it is
    /// reference(...'Microsoft.Resources/deployments', '&lt;name&gt;'...).outputs.&lt;output&gt;.value.
    /// </summary>
    public static (string Deployment, string Output)? DeploymentOutput(object? value)
    {
        if (value is not ArmScope.Unknown { Expression: ArmExpr.Member { Name: "value", Target: ArmExpr.Member { Name: var output, Target: ArmExpr.Member { Name: "outputs", Target: var reference } } } })
        {
            return null;
        }

        var deployment = reference.CallsTo("extensionResourceId").Concat(reference.CallsTo("resourceId"))
            .Select(args => args.SkipWhile(a => a != "Microsoft.Resources/deployments").Skip(1).FirstOrDefault())
            .FirstOrDefault(n => n is not null);
        return deployment is null ? null : (deployment, output);
    }

    /// <summary>The resource type a scope/id expression names: resourceId('Type', ...).</summary>
    public static string? ResourceIdType(JsonElement idOrScope) => ResourceIdType(idOrScope.GetString()!);

    public static string? ResourceIdType(string idOrScope) =>
        ArmExpr.FromString(idOrScope).FirstArgumentsOf("resourceId").FirstOrDefault();

    /// <summary>The principal a role assignment is for, as "deployment.output" of the module that produced it.</summary>
    public static string Principal(ArmScope scope, JsonElement assignment)
    {
        var value = scope.Evaluate(assignment.Properties().GetProperty("principalId"));
        return DeploymentOutput(value) is { } d ? $"{d.Deployment}.{d.Output}" : value?.ToString() ?? "(null)";
    }

    /// <summary>The role definition GUID of a role assignment (subscriptionResourceId('...roleDefinitions', guid)).</summary>
    public static string RoleDefinition(ArmScope scope, JsonElement assignment)
    {
        var call = Assert.IsType<ArmExpr.Call>(ArmExpr.FromString(assignment.Properties().GetProperty("roleDefinitionId").GetString()!));
        Assert.Equal("subscriptionResourceId", call.Name);
        Assert.Equal(new ArmExpr.Str("Microsoft.Authorization/roleDefinitions"), call.Args[0]);
        return Assert.IsType<string>(scope.Evaluate(call.Args[1])).ToLowerInvariant();
    }

    /// <summary>"deployment.output" of the module output holding the principal ID of the user-assigned identity.</summary>
    public static string UserAssignedIdentityPrincipal()
    {
        var (scope, identity) = Declared("Microsoft.ManagedIdentity/userAssignedIdentities");
        var output = scope.Template.GetProperty("outputs").EnumerateObject().Single(o =>
        {
            var e = ArmExpr.FromString(o.Value.GetProperty("value").GetString()!);
            return e is ArmExpr.Member { Name: "principalId" } m
                && m.Target.FirstArgumentsOf("resourceId").Contains("Microsoft.ManagedIdentity/userAssignedIdentities");
        });
        Assert.Equal("[parameters('name')]", identity.GetProperty("name").GetString());
        return $"{scope.DeploymentName}.{output.Name}";
    }
}
