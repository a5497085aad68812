using ServiceRecoveryBot.Protocol;

namespace ServiceRecoveryBot.Conversations.Home;

/// <summary>How a channel shows someone's home in their chat (a card that refreshes itself in Teams, text and buttons elsewhere); asked of Channels.</summary>
public interface IHomeCards
{
    /// <summary>The home as a reply to <paramref name="asked"/>.</summary>
    Activity Home(HomeView view, Activity asked);

    /// <summary>True for a card's refresh that must be answered with the card itself (Teams' Universal Actions).</summary>
    bool AnswersWithCard(Activity activity);

    /// <summary>The answer to such a refresh: the home card as it stands now.</summary>
    InvokeResponse HomeAnswer(HomeView view, Activity asked);
}
