using System.Buffers;
using System.IO.Compression;

namespace ServiceRecoveryBot.Storage;

/// <summary>
/// A document as Brotli-compressed UTF-8 JSON, for internal documents stored as binary properties. A JSON string
/// property is sent with every quote escaped as six characters; the conversation state
/// writes went from 2.0-5.1 KB to 1.1-2.2 KB a request this way (docs/BENCHMARKS.md).
/// </summary>
internal static class CompressedJson
{
    /// <summary>Brotli's fastest level: most of the size gain for a few microseconds on a document of a few KiB.</summary>
    private const int Quality = 1;
    private const int Window = 22;

    public static byte[] Compress(ReadOnlySpan<byte> utf8Json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(utf8Json.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(utf8Json, buffer, out var written, Quality, Window))
                throw new InvalidOperationException("Brotli could not compress the document.");
            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] Decompress(ReadOnlySpan<byte> compressed, int length)
    {
        var json = new byte[length];
        if (!BrotliDecoder.TryDecompress(compressed, json, out var written) || written != length)
            throw new InvalidDataException("A stored document is damaged: it does not decompress to its recorded length.");
        return json;
    }
}
