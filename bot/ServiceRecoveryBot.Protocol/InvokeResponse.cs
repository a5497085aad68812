using System.Text.Json;

namespace ServiceRecoveryBot.Protocol;

/// <summary>The HTTP status and JSON body that answer an invoke activity.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body);
