using Microsoft.Extensions.Time.Testing;
using ServiceRecoveryBot.Channels.DirectLine;

namespace ServiceRecoveryBot.Tests.Channels.DirectLine;

public sealed class DirectLineConversationsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly DirectLineConversations conversations;

    public DirectLineConversationsTests() => conversations = new DirectLineConversations(clock);

    [Fact]
    public void Start_opens_a_conversation_with_an_opaque_random_token_valid_for_30_minutes()
    {
        var first = conversations.Start("dev-user");
        var second = conversations.Start("dev-user");

        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.NotEqual(first.Value, second.Value);
        Assert.True(first.Value.Length >= 40);
        Assert.DoesNotContain('|', first.ConversationId);
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), first.ExpiresAt);
        Assert.Equal(1800, conversations.Describe(first).ExpiresIn);
        Assert.Equal("dev-user", conversations.UserOf(first.ConversationId));
    }

    [Fact]
    public void A_current_token_is_granted_its_own_conversation_only()
    {
        var mine = conversations.Start("a");
        var theirs = conversations.Start("b");

        Assert.Equal(DirectLineAccess.Granted, conversations.Authorize(mine.Value, mine.ConversationId));
        Assert.Equal(DirectLineAccess.Forbidden, conversations.Authorize(mine.Value, theirs.ConversationId));
    }

    [Fact]
    public void An_unknown_or_missing_token_is_forbidden_even_for_an_unknown_conversation()
    {
        conversations.Start("a");

        Assert.Equal(DirectLineAccess.Forbidden, conversations.Authorize("made-up", "nope"));
        Assert.Equal(DirectLineAccess.Forbidden, conversations.Authorize(null, "nope"));
    }

    [Fact]
    public void A_current_token_asking_for_an_unknown_conversation_gets_not_found()
    {
        var token = conversations.Start("a");

        Assert.Equal(DirectLineAccess.NotFound, conversations.Authorize(token.Value, "no-such-conversation"));
    }

    [Fact]
    public void A_token_expires_after_30_minutes()
    {
        var token = conversations.Start("a");

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(DirectLineAccess.Granted, conversations.Authorize(token.Value, token.ConversationId));
        Assert.Equal(60, conversations.Describe(token).ExpiresIn);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DirectLineAccess.Forbidden, conversations.Authorize(token.Value, token.ConversationId));
        Assert.Null(conversations.Refresh(token.Value));
    }

    [Fact]
    public void Refresh_issues_a_new_token_for_the_same_conversation_with_a_full_lifetime()
    {
        var token = conversations.Start("a");
        clock.Advance(TimeSpan.FromMinutes(20));

        var fresh = conversations.Refresh(token.Value);

        Assert.NotNull(fresh);
        Assert.NotEqual(token.Value, fresh.Value);
        Assert.Equal(token.ConversationId, fresh.ConversationId);
        Assert.Equal(clock.GetUtcNow().AddMinutes(30), fresh.ExpiresAt);
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(DirectLineAccess.Forbidden, conversations.Authorize(token.Value, token.ConversationId));
        Assert.Equal(DirectLineAccess.Granted, conversations.Authorize(fresh.Value, token.ConversationId));
    }

    [Fact]
    public void Refresh_of_an_unknown_token_gives_nothing()
    {
        Assert.Null(conversations.Refresh("made-up"));
        Assert.Null(conversations.Refresh(null));
    }

    [Fact]
    public void Many_conversations_keep_at_most_the_limit_forgetting_the_oldest_with_its_tokens()
    {
        var oldest = conversations.Start("dev-user");
        DirectLineToken newest = oldest;
        for (var i = 0; i < DirectLineConversations.MaxConversations; i++) newest = conversations.Start("user-" + i);

        Assert.Equal(DirectLineConversations.MaxConversations, conversations.Count);
        Assert.False(conversations.Exists(oldest.ConversationId));
        Assert.Null(conversations.Find(oldest.Value));
        Assert.Equal(DirectLineAccess.Granted, conversations.Authorize(newest.Value, newest.ConversationId));
    }
}
