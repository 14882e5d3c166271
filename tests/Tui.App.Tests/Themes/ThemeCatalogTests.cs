using Tui.App.Themes;
using Tui.Terminal.Drawing;

namespace Tui.App.Tests.Themes;

public sealed class ThemeCatalogTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tui-themes-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static ThemeCatalog Shipped(string? configDir = null) => ThemeCatalog.ForConfig(configDir is null ? null : Path.Combine(configDir, "processes.toml"));

    [Fact]
    public void The_shipped_themes_are_found_next_to_the_program_default_first()
    {
        var names = Shipped().Names();
        Assert.Equal("default", names[0]);
        Assert.Superset(new HashSet<string> { "default", "light", "high-contrast", "dracula", "solarized-dark", "nord" }, names.ToHashSet());
    }

    [Fact]
    public void Every_shipped_theme_loads_without_a_problem_and_sets_every_role()
    {
        var catalog = Shipped();
        foreach (var name in catalog.Names())
        {
            var result = catalog.Load(name);
            Assert.Null(result.Problem);
            Assert.Equal(name, result.Theme.Name);
            Assert.Equal(Enum.GetValues<ThemeRole>().Length, result.Theme.Colors.Length);
        }
        Assert.NotEqual(catalog.Load("light").Theme.Colors, catalog.Load("dracula").Theme.Colors);
    }

    [Fact]
    public void Every_shipped_theme_file_names_every_role()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "themes");
        foreach (var file in Directory.GetFiles(dir, "*.toml"))
        {
            var text = File.ReadAllText(file);
            foreach (var role in Enum.GetValues<ThemeRole>())
                Assert.True(text.Contains($"\n{Theme.KeyOf(role)} = "), $"{Path.GetFileName(file)} does not set {Theme.KeyOf(role)}");
        }
    }

    [Fact]
    public void The_default_theme_file_says_the_same_as_the_compiled_in_default()
    {
        var fromFile = Shipped().Load("default").Theme;
        Assert.Equal(BuiltInTheme.Default.Colors.ToArray(), fromFile.Colors.ToArray());
    }

    [Fact]
    public void A_users_theme_beside_the_config_is_found_and_wins_over_a_shipped_one()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "themes"));
        File.WriteAllText(Path.Combine(_dir.FullName, "themes", "mine.toml"), "[colors]\nbackground = \"#101010\"\n");
        File.WriteAllText(Path.Combine(_dir.FullName, "light.theme.toml"), "[colors]\naccent = \"red\"\n");
        var catalog = Shipped(_dir.FullName);
        Assert.Contains("mine", catalog.Names());

        var mine = catalog.Load("mine");
        Assert.Null(mine.Problem);
        Assert.Equal(Color.FromRgb(0x10, 0x10, 0x10), mine.Theme[ThemeRole.Background]);
        Assert.Equal(BuiltInTheme.Default[ThemeRole.Running], mine.Theme[ThemeRole.Running]); // left out: the default's

        Assert.Equal(Color.Red, catalog.Load("light").Theme[ThemeRole.Accent]);
    }

    [Fact]
    public void A_bad_colour_is_reported_with_file_line_and_column_and_the_default_is_used()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "bad.theme.toml"), "[colors]\ntext = \"white\"\nrunning = \"greenish\"\n");
        var result = Shipped(_dir.FullName).Load("bad");
        Assert.Same(BuiltInTheme.Default, result.Theme);
        Assert.NotNull(result.Problem);
        Assert.Contains("bad.theme.toml:3:11", result.Problem);
        Assert.Contains("running: not a colour", result.Problem);
    }

    [Fact]
    public void An_unknown_role_is_reported_with_its_place()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "odd.theme.toml"), "[colors]\nbackgroud = \"black\"\n");
        var result = Shipped(_dir.FullName).Load("odd");
        Assert.Contains("odd.theme.toml:2:1: unknown colour role 'backgroud'", result.Problem);
    }

    [Fact]
    public void A_file_that_is_not_TOML_is_reported_and_the_default_used()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "broken.theme.toml"), "[colors\n");
        var result = Shipped(_dir.FullName).Load("broken");
        Assert.Same(BuiltInTheme.Default, result.Theme);
        Assert.Contains("broken.theme.toml:1:", result.Problem);
    }

    [Fact]
    public void An_unknown_theme_name_is_reported_with_the_known_ones()
    {
        var result = Shipped().Load("neon");
        Assert.Same(BuiltInTheme.Default, result.Theme);
        Assert.Contains("theme 'neon' not found", result.Problem);
        Assert.Contains("dracula", result.Problem);
    }
}
