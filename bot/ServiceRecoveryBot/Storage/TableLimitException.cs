using ServiceRecoveryBot.Turns.Effects;

namespace ServiceRecoveryBot.Storage;

/// <summary>An entity or batch breaks one of Azure Table Storage's limits (caught by our code; Azurite is lenient).</summary>
public sealed class TableLimitException(string message) : InvalidOperationException(message), IPermanentFailure;
