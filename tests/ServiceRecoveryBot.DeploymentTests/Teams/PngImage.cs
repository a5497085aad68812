using System.Buffers.Binary;
using System.IO.Compression;

namespace ServiceRecoveryBot.DeploymentTests.Teams;

/// <summary>A minimal PNG reader: the IHDR header, and RGBA pixels for 8-bit non-interlaced images.</summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _pixels; // unfiltered scanlines, without filter bytes

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte interlace, bool hasTransparencyChunk, byte[] pixels)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        Interlace = interlace;
        HasTransparencyChunk = hasTransparencyChunk;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA.</summary>
    public byte ColorType { get; }

    public byte Interlace { get; }

    /// <summary>A tRNS chunk gives grey, RGB or palette images transparency.</summary>
    public bool HasTransparencyChunk { get; }

    public bool HasAlphaChannel => ColorType is 4 or 6;

    public static PngImage Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file.");
        }

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0, interlace = 0;
        bool trns = false;
        using var idat = new MemoryStream();
        for (int offset = 8; offset + 12 <= bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    interlace = data[12];
                    break;
                case "tRNS":
                    trns = true;
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        byte[] pixels = bitDepth == 8 && interlace == 0 && colorType is 0 or 2 or 4 or 6
            ? Unfilter(idat.ToArray(), width, height, BytesPerPixel(colorType))
            : [];
        return new PngImage(width, height, bitDepth, colorType, interlace, trns, pixels);
    }

    /// <summary>The pixel at (x, y) as RGBA; needs an 8-bit, non-interlaced, non-palette image.</summary>
    public (byte R, byte G, byte B, byte A) GetPixel(int x, int y)
    {
        if (_pixels.Length == 0)
        {
            throw new NotSupportedException($"Pixel access needs an 8-bit non-interlaced image; this one has bit depth {BitDepth}, colour type {ColorType}.");
        }

        int bpp = BytesPerPixel(ColorType);
        int i = ((y * Width) + x) * bpp;
        return ColorType switch
        {
            0 => (_pixels[i], _pixels[i], _pixels[i], 255),
            2 => (_pixels[i], _pixels[i + 1], _pixels[i + 2], 255),
            4 => (_pixels[i], _pixels[i], _pixels[i], _pixels[i + 1]),
            _ => (_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]),
        };
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                yield return GetPixel(x, y);
            }
        }
    }

    private static int BytesPerPixel(byte colorType) => colorType switch
    {
        0 => 1,
        2 => 3,
        4 => 2,
        6 => 4,
        _ => 1,
    };

    private static byte[] Unfilter(byte[] compressed, int width, int height, int bpp)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] data = raw.ToArray();

        int stride = width * bpp;
        byte[] output = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = data[y * (stride + 1)];
            var line = data.AsSpan((y * (stride + 1)) + 1, stride);
            var current = output.AsSpan(y * stride, stride);
            ReadOnlySpan<byte> previous = y == 0 ? new byte[stride] : output.AsSpan((y - 1) * stride, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? current[i - bpp] : 0;
                int b = previous[i];
                int c = i >= bpp ? previous[i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                };
                current[i] = (byte)(line[i] + predictor);
            }
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
