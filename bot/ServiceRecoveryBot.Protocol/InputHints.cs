namespace ServiceRecoveryBot.Protocol;

/// <summary>
/// Activity <c>inputHint</c> values (Activity spec A3500): a prompt says the bot is <see cref="ExpectingInput"/>, a plain
/// statement that it is <see cref="AcceptingInput"/>, as Bot Builder's prompts and <c>SendActivityAsync(text)</c> do.
/// </summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}
