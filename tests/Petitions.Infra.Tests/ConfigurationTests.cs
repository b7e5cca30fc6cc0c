using Petitions.Infra.Tests.Bicep;
using Petitions.TestKit;

namespace Petitions.Infra.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Every_setting_the_README_says_templates_set_is_an_app_setting_of_the_function_app()
    {
        var rows = ConfigurationTable.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));

        AssertSetByTemplates(rows);
    }

    [Fact]
    public void Every_setting_of_infra_copy_of_the_configuration_table_is_an_app_setting()
    {
        var rows = ConfigurationTable.Read(File.ReadAllText(
            Path.Combine(RepositoryPaths.Root, "tests", "Petitions.Infra.Tests", "Fixtures", "configuration-table.md")));

        Assert.Contains(rows, r => r.Setting == "Security__FieldEncryptionKey");
        AssertSetByTemplates(rows);
    }

    [Fact]
    public void Host_platform_and_local_only_rows_are_not_expected_in_the_templates()
    {
        var rows = ConfigurationTable.Read("""
            ## Configuration

            | Setting | Meaning | Set by |
            |---|---|---|
            | `Auth:Mode` | how staff sign in | templates |
            | `FUNCTIONS_CUSTOMHANDLER_PORT` | port | Functions host |
            | `AzureWebJobsStorage` | Azurite | local only |
            | not a setting | prose | templates |

            ## Next
            """);

        Assert.Equal(["Auth:Mode", "FUNCTIONS_CUSTOMHANDLER_PORT", "AzureWebJobsStorage"], rows.Select(r => r.Setting));
        Assert.Equal(["Auth__Mode"], rows.Where(r => r.ExpectedInTemplates).Select(r => r.AppSettingName));
    }

    [Fact]
    public void Secret_settings_are_Key_Vault_references_not_literals()
    {
        var api = BicepParser.InfraFile("app/api.bicep");
        var appSettings = api.Variable("appSettings");

        foreach (var name in new[]
                 {
                     "Security__FieldEncryptionKey", "Security__PhoneHashKey",
                     "Notifications__Zalo__OaSecretKey", "Notifications__Zalo__AccessToken",
                 })
        {
            Assert.StartsWith("@Microsoft.KeyVault(SecretUri=", api.PropertyText(appSettings, name), StringComparison.Ordinal);
        }
    }

    private static void AssertSetByTemplates(IReadOnlyList<ConfigurationRow> rows)
    {
        var expected = rows.Where(r => r.ExpectedInTemplates).ToList();
        Assert.NotEmpty(expected);
        var set = InfraAppSettings.Names();

        var missing = expected.Where(r => !set.Contains(r.AppSettingName)).Select(r => r.AppSettingName).ToList();

        Assert.True(missing.Count == 0, "Not set in infra/app/api.bicep app settings:\n" + string.Join("\n", missing));
    }
}
