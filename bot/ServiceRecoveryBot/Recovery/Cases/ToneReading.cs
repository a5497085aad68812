namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>The tone of the customer's words at one moment of the case (captured at opening and at follow-up).</summary>
public sealed record ToneReading(double Compound, string Label, IReadOnlyList<string> Flags, DateTimeOffset At);
