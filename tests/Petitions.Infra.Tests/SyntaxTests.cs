using Petitions.Infra.Tests.Bicep;

namespace Petitions.Infra.Tests;

public sealed class SyntaxTests
{
    [Fact]
    public void Every_bicep_file_in_infra_parses_without_syntax_errors()
    {
        var files = BicepParser.Infra;

        Assert.Contains(files, f => f.RelativePath == "main.bicep");
        var broken = files.Where(f => f.Errors.Count > 0)
            .Select(f => $"{f.RelativePath}: {string.Join("; ", f.Errors)}")
            .ToList();
        Assert.True(broken.Count == 0, "Syntax errors:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_checker_reports_an_unterminated_resource_body()
    {
        var file = BicepParser.ParseText("""
            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: 'st'
              properties: {
                minimumTlsVersion: 'TLS1_2'
            """);

        Assert.NotEmpty(file.Errors);
    }

    [Fact]
    public void The_checker_reports_a_property_without_a_value_and_gives_its_line()
    {
        var file = BicepParser.ParseText("""
            param location string = 'southeastasia'

            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name:
            }
            """);

        var error = Assert.Single(file.Errors);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void The_checker_accepts_a_well_formed_snippet()
    {
        var file = BicepParser.ParseText("""
            param location string = 'southeastasia'

            resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: 'st${uniqueString(resourceGroup().id)}'
              location: location
            }
            """);

        Assert.Empty(file.Errors);
        Assert.Equal("Microsoft.Storage/storageAccounts@2023-05-01", Assert.Single(file.Resources).TypeAndVersion);
    }
}
