namespace ServiceRecoveryBot.Guidance;

/// <summary>A recovery method as data: a named, sourced list of steps staff can walk one at a time.</summary>
public sealed record RecoveryModel(string Id, string Name, string Source, string? Note, IReadOnlyList<string> Aliases, IReadOnlyList<ModelStep> Steps);
