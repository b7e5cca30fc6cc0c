using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Petitions.Infrastructure.Storage.Pipeline;

/// <summary>
/// Signs every attempt (a per-retry policy): sets a fresh <c>x-ms-date</c> and the
/// <c>Authorization: SharedKey account:signature</c> header, with the Table or Blob/Queue rules.
/// </summary>
internal sealed class SharedKeyPolicy(SharedKeySigner signer, StorageService service, TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);

        var uri = request.Uri.ToUri();
        var method = request.Method.Method;
        string stringToSign;
        if (service == StorageService.Table)
        {
            request.Headers.TryGetValue("Content-MD5", out var md5);
            request.Headers.TryGetValue("Content-Type", out var contentType);
            stringToSign = signer.TableStringToSign(method, md5, contentType, date, uri);
        }
        else
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Name] = header.Value;
            }

            long? length = request.Content is not null && request.Content.TryComputeLength(out var l) ? l : null;
            stringToSign = signer.QueueStringToSign(method, headers, length, uri);
        }

        request.Headers.SetValue("Authorization", "SharedKey " + signer.AccountName + ":" + signer.Sign(stringToSign));
    }
}
