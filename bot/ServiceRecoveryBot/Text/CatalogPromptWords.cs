using ServiceRecoveryBot.Dialogs;
using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Text;

/// <summary>The dialog engine's words (retry hints, "skip") from the catalog, in the turn's locale.</summary>
public sealed class CatalogPromptWords : IPromptWords
{
    public PromptWords For(TurnContext turn) => turn.Replies().PromptWords;
}
