using System.Text;

namespace Petitions.Functions.Tests.WaysIn;

/// <summary>Small files of each kind, built byte by byte so a test knows exactly what they hold.</summary>
internal static class TestFiles
{
    /// <summary>The text a camera writes in its Exif block, with a GPS position: it must not survive the upload.</summary>
    public const string ExifMarker = "GPSLatitude 21.0285N GPSLongitude 105.8542E";

    /// <summary>A JPEG: SOI, APP0 (JFIF), APP1 (Exif with a GPS position), DQT, SOS, a few coded bytes, EOI.</summary>
    public static byte[] PhotoWithLocation()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        Segment(bytes, 0xE0, [.. "JFIF\0"u8, 1, 2, 0, 0, 1, 0, 1, 0, 0]);
        Segment(bytes, 0xE1, [.. "Exif\0\0"u8, .. Encoding.ASCII.GetBytes(ExifMarker)]);
        Segment(bytes, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(bytes, 0xDA, [1, 1, 0, 0, 63, 0]);
        bytes.AddRange([0x12, 0x34, 0x56, 0xFF, 0x00, 0x78]);
        bytes.AddRange([0xFF, 0xD9]);
        return [.. bytes];
    }

    /// <summary>The same photo as it should be stored: everything but the APP1 segment.</summary>
    public static byte[] PhotoWithoutLocation()
    {
        var photo = PhotoWithLocation();
        var app1 = IndexOf(photo, [0xFF, 0xE1]);
        var length = (photo[app1 + 2] << 8) | photo[app1 + 3];
        return [.. photo[..app1], .. photo[(app1 + 2 + length)..]];
    }

    /// <summary>A PNG with a tEXt chunk naming a place.</summary>
    public static byte[] PngWithText() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        .. Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
        .. Chunk("tEXt", [.. "Location\0Cam Tay, Quang Ninh"u8]),
        .. Chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]),
        .. Chunk("IEND", []),
    ];

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>A Windows executable's first bytes ("MZ"), to be sent under a photo's name.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>A JPEG of <paramref name="bytes"/> in all: the photo's segments, then coded bytes (zeros).</summary>
    public static byte[] LargeJpeg(int bytes)
    {
        var data = new byte[bytes];
        var photo = PhotoWithLocation();
        photo.AsSpan(0, photo.Length - 2).CopyTo(data);
        return data;
    }

    public static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Segment(List<byte> bytes, byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        bytes.AddRange([0xFF, marker, (byte)(length >> 8), (byte)length]);
        bytes.AddRange(payload);
    }

    private static byte[] Chunk(string type, byte[] data) =>
    [
        (byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length,
        .. Encoding.ASCII.GetBytes(type), .. data, 0, 0, 0, 0,
    ];
}
