using ServiceRecoveryBot.Tests.Conversations;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Text;

/// <summary>Staff whose activities say a Spanish locale are answered from the Spanish catalog; English stays English.</summary>
public sealed class SpanishChatTests
{
    [Fact]
    public async Task A_Spanish_locale_gets_the_help_in_Spanish()
    {
        using var bot = new BotHarness();

        var replies = await bot.Chat(locale: "es-ES").SayAsync("help");

        Assert.Equal([Replies.Spanish.Help], replies);
        Assert.StartsWith("Abre un caso contando qué ha pasado", replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_locale_is_read_per_activity_so_two_conversations_each_get_theirs()
    {
        using var bot = new BotHarness();

        var spanish = await bot.Chat("conv-es", "staff-es", locale: "es-MX").SayAsync("my cases");
        var english = await bot.Chat("conv-en", "staff-en", locale: "en-GB").SayAsync("my cases");

        Assert.Equal(["No tienes casos abiertos."], spanish);
        Assert.Equal([Replies.English.NoCases], english);
    }
}
