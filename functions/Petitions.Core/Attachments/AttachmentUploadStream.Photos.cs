using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Petitions.Core.Attachments;

/// <summary>
/// The photo filters: our own small segment filters rather than an imaging library, because no library served to us
/// removes metadata without decoding (and so holding) the whole picture. Only the metadata containers are dropped;
/// the picture's bytes pass unchanged. A photo's Exif orientation goes with its Exif segment (docs/attachments.md).
/// </summary>
public sealed partial class AttachmentUploadStream
{
    private const byte JpegApp1 = 0xE1;   // Exif (GPS lives here) and XMP
    private const byte JpegApp13 = 0xED;  // Photoshop / IPTC (place names)
    private const byte JpegSos = 0xDA;    // start of scan: the compressed picture follows
    private const byte JpegEoi = 0xD9;

    private static readonly HashSet<string> PngDroppedChunks = new(StringComparer.Ordinal) { "eXIf", "tEXt", "zTXt", "iTXt" };

    /// <summary>
    /// JPEG (ISO/IEC 10918-1, Annex B): SOI, then marker segments (FF xx, a 2-byte big-endian length that counts
    /// itself, the payload) up to SOS, after which the entropy-coded picture runs to EOI. Every segment before SOS is
    /// handed on except APP1 and APP13.
    /// </summary>
    private async IAsyncEnumerable<ReadOnlyMemory<byte>> Jpeg([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var soi = await ReadExactlyAsync(2, cancellationToken).ConfigureAwait(false);
        yield return soi;
        while (true)
        {
            var marker = await ReadExactlyAsync(2, cancellationToken).ConfigureAwait(false);
            if (marker[0] != 0xFF)
            {
                throw new AttachmentRefusedException(AttachmentRefusal.Malformed);
            }

            while (marker[1] == 0xFF)
            {
                marker[1] = (await ReadExactlyAsync(1, cancellationToken).ConfigureAwait(false))[0];
            }

            var code = marker[1];
            if (code is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                yield return marker; // a marker without a length
                continue;
            }

            if (code is JpegSos or JpegEoi)
            {
                yield return marker;
                break;
            }

            var lengthBytes = await ReadExactlyAsync(2, cancellationToken).ConfigureAwait(false);
            var length = BinaryPrimitives.ReadUInt16BigEndian(lengthBytes);
            if (length < 2)
            {
                throw new AttachmentRefusedException(AttachmentRefusal.Malformed);
            }

            var payload = await ReadExactlyAsync(length - 2, cancellationToken).ConfigureAwait(false);
            if (code is JpegApp1 or JpegApp13)
            {
                continue;
            }

            yield return marker;
            yield return lengthBytes;
            yield return payload;
        }

        await foreach (var rest in Unchanged(cancellationToken).ConfigureAwait(false))
        {
            yield return rest;
        }
    }

    /// <summary>
    /// PNG (ISO/IEC 15948): the signature, then chunks (4-byte length, 4-byte type, data, CRC). eXIf and the text
    /// chunks (tEXt, zTXt, iTXt, where cameras and apps write places and names) are skipped without being held;
    /// the others stream through. Whatever follows IEND passes unchanged.
    /// </summary>
    private async IAsyncEnumerable<ReadOnlyMemory<byte>> Png([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await ReadExactlyAsync(8, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[81920];
        while (true)
        {
            var header = await ReadExactlyAsync(8, cancellationToken).ConfigureAwait(false);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length > int.MaxValue)
            {
                throw new AttachmentRefusedException(AttachmentRefusal.Malformed);
            }

            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            var drop = PngDroppedChunks.Contains(type);
            if (!drop)
            {
                yield return header;
            }

            var left = (long)length + 4; // data and CRC
            while (left > 0)
            {
                var n = await ReadFileAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new AttachmentRefusedException(AttachmentRefusal.Malformed);
                }

                left -= n;
                if (!drop)
                {
                    yield return buffer.AsMemory(0, n);
                }
            }

            if (type == "IEND")
            {
                break;
            }
        }

        await foreach (var rest in Unchanged(cancellationToken).ConfigureAwait(false))
        {
            yield return rest;
        }
    }
}
