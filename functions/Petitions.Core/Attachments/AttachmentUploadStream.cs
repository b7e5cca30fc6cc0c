using System.Runtime.CompilerServices;

namespace Petitions.Core.Attachments;

/// <summary>
/// A file as it streams in, read forward once, never held whole: it recognises the type from the first bytes
/// (<see cref="StartAsync"/>), refuses more than <see cref="AttachmentRules.MaxBytes"/>, and hands on a photo without
/// the metadata that may hold where it was taken (JPEG: the APP1 Exif/XMP and APP13 IPTC segments; PNG: the eXIf
/// and text chunks). A PDF passes unchanged. Refusals throw <see cref="AttachmentRefusedException"/> from the read
/// that finds them, so a storage upload reading this stream fails before anything is committed.
/// </summary>
public sealed partial class AttachmentUploadStream : Stream
{
    private readonly Stream _source;
    private readonly long _maxBytes;
    private readonly byte[] _head = new byte[AttachmentRules.SniffBytes];
    private int _headLength;
    private int _headServed;
    private IAsyncEnumerator<ReadOnlyMemory<byte>>? _output;
    private ReadOnlyMemory<byte> _current;
    private long _read;

    public AttachmentUploadStream(Stream source, long maxBytes = AttachmentRules.MaxBytes)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _maxBytes = maxBytes;
    }

    /// <summary>The type recognised by <see cref="StartAsync"/>.</summary>
    public string? ContentType { get; private set; }

    /// <summary>Bytes handed on so far (the stored size once the stream is read to its end).</summary>
    public long Written { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads the first bytes and recognises the type; throws when it is not JPEG, PNG or PDF, or empty.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken = default)
    {
        while (_headLength < _head.Length)
        {
            var n = await ReadSourceAsync(_head.AsMemory(_headLength), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            _headLength += n;
        }

        if (_headLength == 0)
        {
            throw new AttachmentRefusedException(AttachmentRefusal.Empty);
        }

        ContentType = AttachmentRules.Recognise(_head.AsSpan(0, _headLength)) ?? throw new AttachmentRefusedException(AttachmentRefusal.NotAllowed);
        _output = (ContentType switch
        {
            AttachmentRules.Jpeg => Jpeg(cancellationToken),
            AttachmentRules.Png => Png(cancellationToken),
            _ => Unchanged(cancellationToken),
        }).GetAsyncEnumerator(cancellationToken);
        return ContentType;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_output is null)
        {
            throw new InvalidOperationException("Call StartAsync first.");
        }

        while (_current.IsEmpty)
        {
            if (!await _output.MoveNextAsync().ConfigureAwait(false))
            {
                return 0;
            }

            _current = _output.Current;
        }

        var n = Math.Min(buffer.Length, _current.Length);
        _current[..n].CopyTo(buffer);
        _current = _current[n..];
        Written += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Synchronous reads are not supported: the request body is read asynchronously only.</summary>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the upload asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (_output is not null)
        {
            await _output.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The bytes after the head, unchanged.</summary>
    private async IAsyncEnumerable<ReadOnlyMemory<byte>> Unchanged([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int n;
        while ((n = await ReadFileAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            yield return buffer.AsMemory(0, n);
        }
    }

    /// <summary>Reads the file (the head first, then the source), counting against the limit.</summary>
    private async ValueTask<int> ReadFileAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_headServed < _headLength)
        {
            var n = Math.Min(buffer.Length, _headLength - _headServed);
            _head.AsMemory(_headServed, n).CopyTo(buffer);
            _headServed += n;
            return n;
        }

        return await ReadSourceAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Exactly <paramref name="count"/> bytes, or a malformed-file refusal at an early end.</summary>
    private async ValueTask<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var bytes = new byte[count];
        var at = 0;
        while (at < count)
        {
            var n = await ReadFileAsync(bytes.AsMemory(at), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new AttachmentRefusedException(AttachmentRefusal.Malformed);
            }

            at += n;
        }

        return bytes;
    }

    private async ValueTask<int> ReadSourceAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var n = await _source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _read += n;
        if (_read > _maxBytes)
        {
            throw new AttachmentRefusedException(AttachmentRefusal.TooLarge);
        }

        return n;
    }
}
