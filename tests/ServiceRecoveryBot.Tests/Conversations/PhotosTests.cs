using ServiceRecoveryBot.Conversations;
using ServiceRecoveryBot.Text;

namespace ServiceRecoveryBot.Tests.Conversations;

/// <summary>A photo or a file without words is not a dead end: the bot says what it can take and asks again.</summary>
public sealed class PhotosTests
{
    [Fact]
    public async Task A_photo_mid_case_gets_asked_for_words_and_the_question_again()
    {
        using var bot = new BotHarness();
        var chat = bot.Chat();
        var asked = await chat.SayAsync("guest in 12 furious, steak overcooked twice");

        var replies = await chat.SendPhotoAsync();

        Assert.Equal(Replies.English.FilesNotRead, replies[0]);
        Assert.Equal(asked[^1], replies[^1]);
        Assert.Contains(await chat.SayAsync("2"), r => r.Contains("VIP", StringComparison.Ordinal) || r.Contains("regular", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_photo_with_nothing_in_progress_opens_no_case()
    {
        using var bot = new BotHarness();

        var replies = await bot.Chat().SendPhotoAsync();

        Assert.Equal([Replies.English.FilesNotRead], replies);
        Assert.Empty(bot.Cases.All);
    }
}
