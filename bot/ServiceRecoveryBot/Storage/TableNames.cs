using Microsoft.Extensions.Options;

namespace ServiceRecoveryBot.Storage;

/// <summary>The tables the bot uses, with the configured prefix.</summary>
public sealed class TableNames(IOptions<StorageOptions> options)
{
    public string Cases => options.Value.TablePrefix + "Cases";
    public string DialogState => options.Value.TablePrefix + "DialogState";
    public string ConversationRefs => options.Value.TablePrefix + "ConversationRefs";
    public string Teams => options.Value.TablePrefix + "Teams";

    /// <summary>Reminders keyed by due hour (see TableReminderStore).</summary>
    public string Reminders => options.Value.TablePrefix + "Reminders";

    /// <summary>The teams' figures per day, kept as cases change (see TableAggregateStore).</summary>
    public string Aggregates => options.Value.TablePrefix + "Aggregates";

    public IEnumerable<string> All => [Cases, DialogState, ConversationRefs, Teams, Reminders, Aggregates];
}
