using System.Text.Json;
using Petitions.TestKit;

namespace Petitions.Infra.Tests;

public sealed class CompilerTests
{
    [Fact]
    public void Bicep_build_of_main_has_no_errors_or_warnings()
    {
        var r = BicepCli.Run("build", BicepCli.MainBicep, "--stdout");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr.Trim());
    }

    [Fact]
    public void Bicep_lint_of_main_with_security_rules_as_errors_is_clean()
    {
        var r = BicepCli.Run("lint", BicepCli.MainBicep);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        Assert.Equal("", (r.Stderr + r.Stdout).Trim());
    }

    [Fact]
    public void Bicepconfig_turns_security_and_correctness_rules_to_error()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "bicepconfig.json")));
        var rules = config.RootElement.GetProperty("analyzers").GetProperty("core").GetProperty("rules");
        foreach (var rule in new[] { "no-hardcoded-env-urls", "no-unused-params", "no-unused-vars", "outputs-should-not-contain-secrets", "secure-secrets-in-params", "use-recent-api-versions", "secure-parameter-default" })
        {
            Assert.Equal("error", rules.GetProperty(rule).GetProperty("level").GetString());
        }
    }

    [Theory]
    [InlineData("app/api.bicep", "instanceMemoryMB: instanceMemoryMB", "instanceMemoryMegabytes: instanceMemoryMB", "BCP037")] // a wrong property name
    [InlineData("app/api.bicep", "maximumInstanceCount: maximumInstanceCount", "maximumInstanceCount: notAParameter", "BCP057")] // an undefined symbol
    [InlineData("main.bicep", "    queueName: layout.deliveryReportQueue\n", "", "BCP035")] // a module call without a required parameter
    public void A_broken_copy_fails_the_build_with_the_compilers_diagnostic(string file, string original, string broken, string code)
    {
        var copy = Path.Combine(Path.GetTempPath(), "petitions-broken-infra-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "infra"), copy);
        try
        {
            var path = Path.Combine(copy, file);
            var text = File.ReadAllText(path).ReplaceLineEndings("\n");
            Assert.Contains(original, text, StringComparison.Ordinal);
            File.WriteAllText(path, text.Replace(original, broken, StringComparison.Ordinal));
            var build = BicepCli.Run("build", Path.Combine(copy, "main.bicep"), "--stdout");
            // The same rule the clean build is held to: any diagnostic (warning or error) fails.
            Assert.True(build.Stderr.Trim().Length > 0 || build.ExitCode != 0, "the broken copy compiled silently");
            Assert.Contains(code, build.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, true);
        }
    }

    [Fact]
    public void Function_app_runs_on_a_Flex_Consumption_plan()
    {
        var plan = Assert.Single(BicepCli.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
    }

    [Fact]
    public void Function_app_runtime_is_dotnet_isolated_10()
    {
        var site = Assert.Single(BicepCli.OfType("Microsoft.Web/sites"));
        var runtime = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
    }

    [Fact]
    public void FUNCTIONS_WORKER_RUNTIME_is_not_an_app_setting_on_Flex_Consumption()
    {
        Assert.DoesNotContain("\"FUNCTIONS_WORKER_RUNTIME\"", BicepCli.Template.GetRawText(), StringComparison.Ordinal);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
