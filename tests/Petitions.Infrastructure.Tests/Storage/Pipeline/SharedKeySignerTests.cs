using Petitions.Infrastructure.Storage.Pipeline;
using Petitions.TestKit;

namespace Petitions.Infrastructure.Tests.Storage.Pipeline;

/// <summary>
/// Fixed vectors worked out by hand from "Authorize with Shared Key" (Storage REST docs); the
/// signatures were computed independently with openssl (HMAC-SHA256, the decoded dev account key).
/// </summary>
public sealed class SharedKeySignerTests
{
    private const string Date = "Fri, 22 Nov 2024 10:00:00 GMT";
    private readonly SharedKeySigner _signer = new(AzuriteServer.AccountName, AzuriteServer.AccountKey);

    [Fact]
    public void Table_shared_key_signs_verb_md5_type_date_and_path_style_resource_with_the_account_twice()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/cases(PartitionKey='p1',RowKey='r1')");

        var stringToSign = _signer.TableStringToSign("GET", null, null, Date, uri);

        Assert.Equal(
            "GET\n\n\nFri, 22 Nov 2024 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/cases(PartitionKey='p1',RowKey='r1')",
            stringToSign);
        Assert.Equal("E6gnD9ZJQI5QoX9E7O0V2zKfeEO+88rR6iulBLed24A=", _signer.Sign(stringToSign));
    }

    [Fact]
    public void Table_shared_key_on_a_host_style_account_signs_the_content_type_and_single_account_resource()
    {
        var uri = new Uri("https://devstoreaccount1.table.core.windows.net/Tables");

        var stringToSign = _signer.TableStringToSign("POST", null, "application/json", Date, uri);

        Assert.Equal("POST\n\napplication/json\nFri, 22 Nov 2024 10:00:00 GMT\n/devstoreaccount1/Tables", stringToSign);
        Assert.Equal("WgOiJ+VcphIeLLl2RwwNKiJUhzHtn01CdDINvwkSnaw=", _signer.Sign(stringToSign));
    }

    [Fact]
    public void Table_canonicalized_resource_keeps_only_the_comp_parameter()
    {
        var uri = new Uri("https://devstoreaccount1.table.core.windows.net/cases?comp=acl&timeout=30");

        Assert.Equal(
            "GET\n\n\nFri, 22 Nov 2024 10:00:00 GMT\n/devstoreaccount1/cases?comp=acl",
            _signer.TableStringToSign("GET", null, null, Date, uri));
    }

    [Fact]
    public void Table_shared_key_lite_signs_only_date_and_resource()
    {
        var stringToSign = _signer.TableLiteStringToSign(Date, new Uri("http://127.0.0.1:10002/devstoreaccount1/cases"));

        Assert.Equal("Fri, 22 Nov 2024 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/cases", stringToSign);
        Assert.Equal("hdjCY7ElZnQSWzjLBubiTch0y8qubZrfjZ+oF081Dkk=", _signer.Sign(stringToSign));
    }

    [Fact]
    public void Queue_shared_key_signs_twelve_standard_headers_sorted_x_ms_headers_and_decoded_sorted_query()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-ms-version"] = "2020-12-06",
            ["Content-Type"] = "application/xml",
            ["x-ms-date"] = Date,
            ["X-MS-Client-Request-Id"] = " abc-123 ",
            ["Accept"] = "application/xml",
        };
        var uri = new Uri("http://127.0.0.1:10001/devstoreaccount1/jobs/messages/abc?visibilitytimeout=30&popreceipt=AgAAAA%2Bx%2Fyz%3D");

        var stringToSign = _signer.QueueStringToSign("PUT", headers, 61, uri);

        Assert.Equal(
            "PUT\n\n\n61\n\napplication/xml\n\n\n\n\n\n\n" +
            "x-ms-client-request-id:abc-123\nx-ms-date:Fri, 22 Nov 2024 10:00:00 GMT\nx-ms-version:2020-12-06\n" +
            "/devstoreaccount1/devstoreaccount1/jobs/messages/abc\npopreceipt:AgAAAA+x/yz=\nvisibilitytimeout:30",
            stringToSign);
        Assert.Equal("nUfU9bjlkr1PIkwL2oHIQ6WVFI0kSCVrogSRH5s8f+s=", _signer.Sign(stringToSign));
    }

    [Fact]
    public void Queue_shared_key_leaves_content_length_empty_when_there_is_no_body()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-ms-date"] = Date,
            ["x-ms-version"] = "2020-12-06",
        };

        var stringToSign = _signer.QueueStringToSign("GET", headers, 0, new Uri("http://127.0.0.1:10001/devstoreaccount1/jobs?comp=metadata"));

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 22 Nov 2024 10:00:00 GMT\nx-ms-version:2020-12-06\n/devstoreaccount1/devstoreaccount1/jobs\ncomp:metadata",
            stringToSign);
        Assert.Equal("0C7zoxLUVlo9Vsz7vGvyyP9IpJGXF5VHIYcAl2i8L1w=", _signer.Sign(stringToSign));
    }
}
