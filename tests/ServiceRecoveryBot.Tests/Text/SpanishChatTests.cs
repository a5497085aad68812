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

/// <summary>The coached walk in Spanish: its questions, retry hints and status, and Spanish answers to its choices.</summary>
public sealed class SpanishWalkTests
{
    [Fact]
    public async Task A_Spanish_walk_asks_in_Spanish_and_takes_Spanish_answers_to_its_choices()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat(locale: "es-ES");

        var opened = await chat.SayAsync("Guest at table 12 is furious: steak overcooked twice");
        Assert.Contains(opened, r => r.StartsWith("Caso SR-", StringComparison.Ordinal) && r.Contains("Di esto ahora:", StringComparison.Ordinal));
        Assert.Contains(opened, r => r.Contains("¿Es así? Di sí, o elige otro.", StringComparison.Ordinal));

        var tier = await chat.SayAsync("sí"); // table 12 is the customer's reference: the tier comes next
        Assert.Contains(tier, r => r.Contains("¿Qué tipo de cliente es?", StringComparison.Ordinal) && r.Contains("2. Habitual", StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("ni idea"), r => r.Contains("para dejarlo como cliente nuevo", StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("habitual"), r => r.StartsWith("¿Qué ha dicho el cliente", StringComparison.Ordinal));

        var status = await chat.SayAsync("estado");

        Assert.Contains(status, r => r.Contains("Estamos en: lo que dijo el cliente.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_English_walk_takes_a_Spanish_yes_and_Spanish_labels_too()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        await chat.SayAsync("Guest at table 12 is furious: steak overcooked twice");

        Assert.Contains(await chat.SayAsync("sí"), r => r.StartsWith(Replies.English.AskTier, StringComparison.Ordinal));
        Assert.Contains(await chat.SayAsync("habitual"), r => r.StartsWith(Replies.English.AskCustomerWords, StringComparison.Ordinal));

    }

    [Theory]
    [InlineData("mis casos", "MyCases")]
    [InlineData("ayuda", "Help")]
    [InlineData("retomar SR-7K3Q", "Resume")]
    [InlineData("ver SR-7K3Q", "Show")]
    [InlineData("nuevo caso", "NewCase")]
    [InlineData("mis seguimientos", "MyFollowUps")]
    [InlineData("práctica", "Practice")]
    [InlineData("mis cifras", "MyFigures")]
    [InlineData("resumen de la semana", "Summary")]
    [InlineData("buscar Okafor", "Search")]
    [InlineData("guíame paso a paso", "Walk")]
    [InlineData("atrás", "Back")]
    [InlineData("pausa", "Cancel")]
    public void The_commands_the_Spanish_catalog_quotes_are_commands(string typed, string kind) =>
        Assert.Equal(Enum.Parse<ServiceRecoveryBot.Conversations.CommandKind>(kind), ServiceRecoveryBot.Conversations.Commands.Parse(typed).Kind);
}
