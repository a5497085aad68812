namespace ServiceRecoveryBot.Dialogs;

/// <summary>Reads the options of a stack frame when that frame is a prompt.</summary>
public static class PromptFrame
{
    internal const string OptionsKey = "options";

    public static PromptOptions? TryReadOptions(DialogInstance frame) => frame.Read<PromptOptions>(OptionsKey);
}
