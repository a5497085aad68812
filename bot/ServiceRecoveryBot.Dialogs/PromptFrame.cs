using System.Text.Json;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>Reads the options of a stack frame when that frame is a prompt.</summary>
public static class PromptFrame
{
    public static PromptOptions? TryReadOptions(DialogInstance frame) =>
        frame.State["options"] is { } node ? node.Deserialize<PromptOptions>(DialogJson.Options) : null;
}
