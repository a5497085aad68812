using System.Collections.Frozen;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;

namespace ServiceRecoveryBot.Text;

/// <summary>
/// What the bot says, per locale: the embedded <c>Text/*.resx</c> files (Strings.resx English, Strings.es.resx Spanish)
/// read once, each locale as an <see cref="IStringLocalizer"/>. The locale is a parameter, never the current culture.
/// </summary>
public sealed class TextCatalog
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>The locales with a complete catalog; any other locale reads English.</summary>
    public static readonly IReadOnlyList<string> Locales = [English, Spanish];

    /// <summary>The catalog built into the assembly (immutable once read).</summary>
    public static TextCatalog Shared { get; } = Load(typeof(TextCatalog).Assembly);

    private readonly FrozenDictionary<string, LocaleText> byLocale;

    private TextCatalog(FrozenDictionary<string, LocaleText> byLocale) => this.byLocale = byLocale;

    /// <summary>The text for a locale as the channels send it ("es-ES", "es_419", "en-US", null): its language, else English.</summary>
    public IStringLocalizer For(string? locale) => byLocale[LanguageOf(locale)];

    /// <summary>"es" for "es-MX", "es_ES" or "ES"; "en" for null, blank or a language without a catalog.</summary>
    public static string LanguageOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return English;
        var language = locale.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Locales.Contains(language) ? language : English;
    }

    private static TextCatalog Load(System.Reflection.Assembly assembly)
    {
        var english = Read(assembly, "Strings.resx");
        var texts = new Dictionary<string, LocaleText>(StringComparer.Ordinal)
        {
            [English] = new LocaleText(English, english, english),
            [Spanish] = new LocaleText(Spanish, Read(assembly, "Strings.es.resx"), english),
        };
        return new TextCatalog(texts.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The name/value pairs of an embedded .resx (the standard XML shape, read without System.Windows.Forms).</summary>
    internal static FrozenDictionary<string, string> Read(System.Reflection.Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream("text-" + resource)
            ?? throw new InvalidOperationException($"The text catalog {resource} is not embedded in {assembly.GetName().Name}.");
        return XDocument.Load(stream).Root!.Elements("data").ToFrozenDictionary(
            d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }
}
