namespace ServiceRecoveryBot.Recovery.Cases;

/// <summary>Who the customer is, as far as staff chose to say. The name or reference is contact data: never log it.</summary>
public sealed record Customer(string? NameOrReference, CustomerTier Tier);
