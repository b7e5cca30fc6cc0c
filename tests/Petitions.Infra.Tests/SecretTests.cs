using Petitions.Infra.Tests.Bicep;

namespace Petitions.Infra.Tests;

public sealed class SecretTests
{
    [Fact]
    public void No_output_of_any_template_holds_a_secret()
    {
        var findings = BicepParser.Infra.SelectMany(SecretHeuristics.SecretOutputs).ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Assert.Contains(BicepParser.InfraFile("main.bicep").Outputs, o => o.Name == "AZURE_KEY_VAULT_NAME");
    }

    [Fact]
    public void No_parameter_default_of_any_template_holds_a_secret()
    {
        var findings = BicepParser.Infra.SelectMany(SecretHeuristics.SecretParameterDefaults).ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Secret_outputs_are_caught_by_name_by_listKeys_and_by_connection_string()
    {
        var file = BicepParser.ParseText("""
            @secure()
            param adminPassword string
            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'st'
            }
            output STORAGE_KEY string = 'x'
            output storage string = st.listKeys().keys[0].value
            output insights string = appi.properties.ConnectionString
            output admin string = adminPassword
            output AZURE_KEY_VAULT_NAME string = 'kv'
            """);

        var findings = SecretHeuristics.SecretOutputs(file).ToList();

        Assert.Contains(findings, f => f.Contains("'STORAGE_KEY' is named like a secret", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("'storage' calls listKeys()", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("'insights' reads ConnectionString", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("'admin' returns the @secure() parameter", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("AZURE_KEY_VAULT_NAME", StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_parameter_defaults_are_caught()
    {
        var file = BicepParser.ParseText("""
            @secure()
            param fieldKey string = newGuid()
            param zaloAccessToken string
            param storageConnection string = 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc'
            param blob string = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq'
            param location string = 'southeastasia'
            """);

        var findings = SecretHeuristics.SecretParameterDefaults(file).ToList();

        Assert.Contains(findings, f => f.Contains("@secure() parameter 'fieldKey' has a default", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("'zaloAccessToken' is named like a secret", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("'storageConnection' has a default that looks like a credential", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("'blob' has a default that looks like a credential", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("'location'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("storageAccountKey", true)]
    [InlineData("ZALO_ACCESS_TOKEN", true)]
    [InlineData("appInsightsConnectionString", true)]
    [InlineData("AZURE_KEY_VAULT_ENDPOINT", false)]
    [InlineData("keyVaultName", false)]
    [InlineData("entraClientId", false)]
    [InlineData("zaloAppId", false)]
    public void Secret_names_are_recognised(string name, bool secret)
    {
        Assert.Equal(secret, SecretHeuristics.NameLooksSecret(name));
    }
}
