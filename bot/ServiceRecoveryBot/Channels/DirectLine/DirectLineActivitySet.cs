using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Channels.DirectLine;

/// <summary>A page of a conversation's activities and the watermark to ask from next time.</summary>
public sealed record DirectLineActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);
