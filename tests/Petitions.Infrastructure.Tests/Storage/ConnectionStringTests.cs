using Petitions.Infrastructure.Storage;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Development_storage_is_the_well_known_account_on_path_style_local_endpoints()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(AzuriteServer.AccountKey, parsed.AccountKey);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void An_account_key_string_gets_default_endpoints_from_protocol_name_and_suffix()
    {
        var parsed = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=https;AccountName=petitions;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://petitions.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal(new Uri("https://petitions.queue.core.chinacloudapi.cn"), parsed.QueueEndpoint);
        Assert.Equal("a2V5", parsed.AccountKey);
    }

    [Fact]
    public void Explicit_endpoints_win_over_defaults()
    {
        var parsed = StorageConnectionString.Parse(AzuriteServer.Shared.ConnectionString);

        Assert.Equal(AzuriteServer.Shared.TableEndpoint, parsed.TableEndpoint);
        Assert.Equal(AzuriteServer.Shared.QueueEndpoint, parsed.QueueEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountKey=a2V5", "no AccountName")]
    [InlineData("AccountName=x;AccountKey=not base64!", "AccountKey is not valid base64")]
    [InlineData("AccountName=x;justtext", "not of the form Name=Value")]
    [InlineData("AccountName=x;AccountName=y", "sets 'AccountName' more than once")]
    [InlineData("AccountName=x;TableEndpoint=table", "TableEndpoint is not an absolute")]
    [InlineData("UseDevelopmentStorage=false", "must be 'true'")]
    [InlineData("AccountName=x;DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    public void Malformed_strings_say_what_is_wrong_without_echoing_the_key(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parsed_string_never_prints_its_key()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.DoesNotContain(AzuriteServer.AccountKey, parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_without_a_key_cannot_be_built_from_a_connection_string()
    {
        var error = Assert.Throws<FormatException>(() => StorageAccount.FromConnectionString("AccountName=x"));

        Assert.Contains("no AccountKey", error.Message, StringComparison.Ordinal);
    }
}
