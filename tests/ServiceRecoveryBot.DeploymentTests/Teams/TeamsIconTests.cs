namespace ServiceRecoveryBot.DeploymentTests.Teams;

public sealed class TeamsIconTests
{
    private static PngImage Icon(string name) => PngImage.Read(Path.Combine(RepoPaths.TeamsManifestFolder, name));

    [Fact]
    public void Color_icon_is_192_by_192()
    {
        var png = Icon("color.png");

        Assert.Equal((192, 192), (png.Width, png.Height));
    }

    [Fact]
    public void Outline_icon_is_32_by_32()
    {
        var png = Icon("outline.png");

        Assert.Equal((32, 32), (png.Width, png.Height));
    }

    [Fact]
    public void Outline_icon_has_an_alpha_channel_and_a_transparent_background()
    {
        var png = Icon("outline.png");

        Assert.True(png.HasAlphaChannel, $"outline.png has colour type {png.ColorType}, without alpha");
        Assert.Equal(0, png.GetPixel(0, 0).A);
        Assert.Contains(png.Pixels(), p => p.A == 255);
    }

    [Fact]
    public void Outline_icon_is_drawn_in_white_only()
    {
        var png = Icon("outline.png");

        var coloured = png.Pixels().Where(p => p.A > 0 && (p.R, p.G, p.B) != (255, 255, 255)).ToArray();

        Assert.Empty(coloured);
    }

    [Fact]
    public void Color_icon_is_opaque()
    {
        var png = Icon("color.png");

        Assert.DoesNotContain(png.Pixels(), p => p.A != 255);
    }
}
