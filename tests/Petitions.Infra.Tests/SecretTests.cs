using System.Text.Json;
using System.Text.RegularExpressions;

namespace Petitions.Infra.Tests;

/// <summary>
/// What the linter's secret rules (outputs-should-not-contain-secrets, secure-parameter-default,
/// secure-secrets-in-params, all at error) do not cover, checked on every template of the compiled
/// ARM JSON: an output that returns a parameter marked secure, and a default that looks like a credential.
/// </summary>
public sealed partial class SecretTests
{
    [Fact]
    public void No_output_of_any_template_returns_a_parameter_marked_secure()
    {
        var findings = BicepCli.Main.Scopes().SelectMany(SecureParametersInOutputs).ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Assert.Contains("AZURE_KEY_VAULT_NAME", BicepCli.Template.GetProperty("outputs").EnumerateObject().Select(o => o.Name));
    }

    [Fact]
    public void No_parameter_default_of_any_template_looks_like_a_credential()
    {
        var findings = BicepCli.Main.Scopes().SelectMany(CredentialDefaults).ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_secret_checks_catch_a_secure_parameter_output_and_a_credential_default()
    {
        using var template = JsonDocument.Parse("""
            {
              "parameters": {
                "adminPassword": { "type": "securestring" },
                "settings": { "type": "secureObject" },
                "storage": { "type": "string", "defaultValue": "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc" },
                "blob": { "type": "string", "defaultValue": "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" },
                "location": { "type": "string", "defaultValue": "southeastasia" }
              },
              "outputs": {
                "admin": { "type": "string", "value": "[parameters('adminPassword')]" },
                "nested": { "type": "string", "value": "[format('x{0}', parameters('settings').key)]" },
                "region": { "type": "string", "value": "[parameters('location')]" }
              }
            }
            """);
        var scope = new ArmScope(template.RootElement);

        Assert.Equal(["output 'admin' returns secure parameter 'adminPassword'", "output 'nested' returns secure parameter 'settings'"],
            SecureParametersInOutputs(scope).Select(f => f[(f.IndexOf(':', StringComparison.Ordinal) + 2)..]));
        Assert.Equal(["parameter 'storage' has a default that looks like a credential", "parameter 'blob' has a default that looks like a credential"],
            CredentialDefaults(scope).Select(f => f[(f.IndexOf(':', StringComparison.Ordinal) + 2)..]));
    }

    private static IEnumerable<string> SecureParametersInOutputs(ArmScope scope)
    {
        var secure = Parameters(scope)
            .Where(p => p.Value.GetProperty("type").GetString() is { } t && t.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (!scope.Template.TryGetProperty("outputs", out var outputs))
        {
            yield break;
        }

        foreach (var output in outputs.EnumerateObject())
        {
            var value = output.Value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            foreach (var name in ArmExpr.FromString(value).FirstArgumentsOf("parameters").Where(secure.Contains).Distinct())
            {
                yield return $"{scope.DeploymentName}: output '{output.Name}' returns secure parameter '{name}'";
            }
        }
    }

    private static IEnumerable<string> CredentialDefaults(ArmScope scope) =>
        Parameters(scope)
            .Where(p => p.Value.TryGetProperty("defaultValue", out var d) && d.ValueKind == JsonValueKind.String && CredentialLiteral().IsMatch(d.GetString()!))
            .Select(p => $"{scope.DeploymentName}: parameter '{p.Name}' has a default that looks like a credential");

    private static List<JsonProperty> Parameters(ArmScope scope) =>
        scope.Template.TryGetProperty("parameters", out var p) ? p.EnumerateObject().ToList() : [];

    // Account keys, SAS signatures, passwords in connection strings, long base64/hex blobs.
    [GeneratedRegex(@"AccountKey=|SharedAccessKey=|sig=|Password=|[A-Za-z0-9+/]{32,}={0,2}|[0-9a-fA-F]{32,}", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialLiteral();
}
