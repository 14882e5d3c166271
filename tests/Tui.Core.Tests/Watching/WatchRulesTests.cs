using Tui.Core.Config;
using Tui.Core.Watching;

namespace Tui.Core.Tests.Watching;

public sealed class WatchRulesTests
{
    private const string Cwd = "/srv/app";

    private static WatchRules Rules(string[] paths, params string[] ignore) =>
        new(new WatchConfig([.. paths], [.. ignore], TimeSpan.FromMilliseconds(300), null), Cwd);

    [Fact]
    public void Double_star_glob_matches_files_at_any_depth_and_shows_them_relative_to_the_cwd()
    {
        var rules = Rules(["src/**/*.cs"]);
        Assert.Equal("src/Program.cs", rules.Match("/srv/app/src/Program.cs"));
        Assert.Equal("src/a/b/c/Deep.cs", rules.Match("/srv/app/src/a/b/c/Deep.cs"));
        Assert.Null(rules.Match("/srv/app/src/readme.md"));
        Assert.Null(rules.Match("/srv/app/test/Other.cs"));
        Assert.Null(rules.Match("/srv/other/src/Program.cs"));
    }

    [Fact]
    public void Git_bin_obj_and_node_modules_are_ignored_by_default()
    {
        var rules = Rules(["**/*"]);
        Assert.Null(rules.Match("/srv/app/.git/index"));
        Assert.Null(rules.Match("/srv/app/src/bin/Debug/app.dll"));
        Assert.Null(rules.Match("/srv/app/obj/project.assets.json"));
        Assert.Null(rules.Match("/srv/app/web/node_modules/left-pad/index.js"));
        Assert.Equal("src/binary.c", rules.Match("/srv/app/src/binary.c"));
    }

    [Fact]
    public void Ignore_without_a_slash_applies_at_any_depth_like_gitignore()
    {
        var rules = Rules(["**/*"], "*.log", "__pycache__");
        Assert.Null(rules.Match("/srv/app/server.log"));
        Assert.Null(rules.Match("/srv/app/logs/2025/today.log"));
        Assert.Null(rules.Match("/srv/app/pkg/__pycache__/mod.cpython-312.pyc"));
        Assert.Equal("pkg/mod.py", rules.Match("/srv/app/pkg/mod.py"));
    }

    [Fact]
    public void Ignore_with_a_leading_slash_applies_only_at_the_top()
    {
        var rules = Rules(["**/*.txt"], "/build/");
        Assert.Null(rules.Match("/srv/app/build/out.txt"));
        Assert.Equal("src/build/notes.txt", rules.Match("/srv/app/src/build/notes.txt"));
    }

    [Fact]
    public void A_literal_file_costs_one_watch_on_its_folder_without_recursion()
    {
        var rules = Rules(["appsettings.json"]);
        Assert.Equal([new WatchRoot(Cwd, Recursive: false)], rules.Roots);
        Assert.Equal("appsettings.json", rules.Match("/srv/app/appsettings.json"));
        Assert.Null(rules.Match("/srv/app/appsettings.Development.json"));
    }

    [Fact]
    public void Roots_are_the_literal_prefixes_and_none_is_inside_a_recursive_one()
    {
        var rules = Rules(["src/**/*.cs", "src/api/*.json", "config/*.toml", "../shared/**/*.cs"]);
        Assert.Equal(
            [new WatchRoot("/srv/app/src", true), new WatchRoot("/srv/app/config", false), new WatchRoot("/srv/shared", true)],
            rules.Roots);
        Assert.Equal("/srv/shared/lib/Util.cs", rules.Match("/srv/shared/lib/Util.cs"));
    }

    [Theory]
    [InlineData("bin/", new[] { "**/bin/**" })]
    [InlineData("*.log", new[] { "**/*.log", "**/*.log/**" })]
    [InlineData("/dist", new[] { "dist", "dist/**" })]
    [InlineData("docs/*.md", new[] { "docs/*.md", "docs/*.md/**" })]
    [InlineData("**/tmp/**", new[] { "**/tmp/**" })]
    [InlineData("# a comment", new string[0])]
    [InlineData("   ", new string[0])]
    public void Gitignore_patterns_translate_to_globs(string pattern, string[] globs) =>
        Assert.Equal(globs, GitIgnoreGlobs.Translate(pattern));
}
