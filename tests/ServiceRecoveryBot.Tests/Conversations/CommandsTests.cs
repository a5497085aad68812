using ServiceRecoveryBot.Conversations;

namespace ServiceRecoveryBot.Tests.Conversations;

public sealed class CommandsTests
{
    [Theory]
    [InlineData("show SR-7K3Q", CommandKind.Show, "sr 7k3q")]
    [InlineData("Resume sr7k3q", CommandKind.Resume, "sr7k3q")]
    [InlineData("show case SR-7K3", CommandKind.Show, "sr 7k3")]
    [InlineData("show x", CommandKind.Show, "x")]
    [InlineData("resume 7k3qq", CommandKind.Resume, "7k3qq")]
    [InlineData("find SR-7K3Q1", CommandKind.Show, "sr 7k3q1")]
    public void A_case_command_keeps_its_id_even_when_the_id_is_mistyped(string text, CommandKind kind, string id) =>
        Assert.Equal(new Command(kind, id), Commands.Parse(text));

    [Theory]
    [InlineData("resume")]
    [InlineData("continue please")]
    public void Resume_without_an_id_is_resume_alone_or_not_a_command(string text) =>
        Assert.Null(Commands.Parse(text).Argument);

    [Theory]
    [InlineData("Guest can't find their luggage after the transfer")]
    [InlineData("show was cancelled and nobody told the guests in row 4")]
    [InlineData("Continue to get complaints about the pool heating")]
    public void An_incident_is_not_read_as_a_command(string text) =>
        Assert.Equal(CommandKind.None, Commands.Parse(text).Kind);

    [Theory]
    [InlineData("walk me through it: No reservation for the Okafor couple.", CommandKind.Walk, "No reservation for the Okafor couple.")]
    [InlineData("New case:  Mr  Ito's suite-door card fails!", CommandKind.NewCase, "Mr Ito's suite-door card fails!")]
    [InlineData("ask: What do I say to Mrs Diaz?", CommandKind.Ask, "What do I say to Mrs Diaz?")]
    public void The_text_a_command_carries_keeps_its_capitals_and_punctuation(string text, CommandKind kind, string carried) =>
        Assert.Equal(new Command(kind, carried), Commands.Parse(text));

    [Fact]
    public async Task A_mistyped_case_id_gets_a_not_found_answer_instead_of_a_new_case()
    {
        using var bot = new BotHarness();

        var reply = Assert.Single(await bot.Chat().SayAsync("show SR-7K3"));

        Assert.StartsWith("I can't find case", reply, StringComparison.Ordinal);
        Assert.Empty(bot.Cases.All);
    }
}
