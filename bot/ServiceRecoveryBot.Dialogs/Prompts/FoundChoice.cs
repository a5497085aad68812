namespace ServiceRecoveryBot.Dialogs.Prompts;

public sealed record FoundChoice(string Value, int Index);
