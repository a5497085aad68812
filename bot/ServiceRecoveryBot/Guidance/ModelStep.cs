namespace ServiceRecoveryBot.Guidance;

/// <summary>One step of a recovery model: what to do, what to say, what to avoid.</summary>
public sealed record ModelStep(string Title, string Do, string Say, string Avoid);
