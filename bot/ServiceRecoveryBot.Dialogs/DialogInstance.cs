using System.Text.Json.Nodes;

namespace ServiceRecoveryBot.Dialogs;

/// <summary>One frame of the dialog stack, as persisted: which dialog, at which version, with its own state.</summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public JsonObject State { get; init; } = [];
}
