using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Dialogs.Prompts;

/// <summary>Yes or no, in the ways people say them, in English or Spanish whatever the conversation's locale.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    private static readonly HashSet<string> Yes = ["yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "right", "confirm", "1", "true", "definitely", "of course", "please", "yes please", "that s right", "done",
        "sí", "si", "claro", "vale", "de acuerdo", "correcto", "por supuesto", "sí claro", "si claro", "eso es", "hecho", "listo"];
    private static readonly HashSet<string> No = ["no", "n", "nope", "nah", "not really", "incorrect", "wrong", "2", "false", "no thanks", "not yet", "negative",
        "no gracias", "todavía no", "todavia no", "aún no", "aun no", "para nada", "incorrecto"];

    public static bool? Parse(string text)
    {
        var answer = ChoiceRecognizer.Normalize(text);
        if (Yes.Contains(answer)) return true;
        if (No.Contains(answer)) return false;
        var first = answer.Split(' ').FirstOrDefault() ?? "";
        if (first is "yes" or "yeah" or "yep" or "sure" or "sí" or "si" or "claro" or "vale") return true;
        if (first is "no" or "nope" or "nah") return false;
        return null;
    }

    protected override PromptRecognizerResult<bool> Recognize(TurnContext turn, string text, PromptOptions options) =>
        Parse(text) is { } value ? PromptRecognizerResult<bool>.Of(value) : PromptRecognizerResult<bool>.Fail;

    protected override string RetryHint(PromptOptions options, PromptWords words) => words.RetryYesNo;
}
