using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ServiceRecoveryBot.Text;

/// <summary>One locale's strings as an <see cref="IStringLocalizer"/>: a name missing here reads the English one.</summary>
public sealed class LocaleText(string language, FrozenDictionary<string, string> strings, FrozenDictionary<string, string> english)
    : IStringLocalizer
{
    public string Language { get; } = language;

    public LocalizedString this[string name] => strings.TryGetValue(name, out var value)
        ? new LocalizedString(name, value)
        : english.TryGetValue(name, out var fallback)
            ? new LocalizedString(name, fallback, resourceNotFound: true)
            : throw new KeyNotFoundException($"The text catalog has no entry {name}.");

    /// <summary>The entry as a composite format filled with <paramref name="arguments"/> (numbers and dates invariant).</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.InvariantCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        (includeParentCultures ? english.Keys.Union(strings.Keys) : strings.Keys).Select(name => this[name]);
}
