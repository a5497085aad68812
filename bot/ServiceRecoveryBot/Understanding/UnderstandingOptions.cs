namespace ServiceRecoveryBot.Understanding;

/// <summary>Settings of section "Understanding".</summary>
public sealed class UnderstandingOptions
{
    public const string Section = "Understanding";

    /// <summary>The sentence model to load in the background at start: <see cref="UnderstandingModel.MiniLM"/> (default) or none (lexical only).</summary>
    public UnderstandingModel Model { get; set; } = UnderstandingModel.MiniLM;
}

public enum UnderstandingModel
{
    None,
    MiniLM,
}
