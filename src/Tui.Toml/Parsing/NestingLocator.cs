using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Tui.Toml.Parsing;

/// <summary>
/// Tomlyn refuses values nested deeper than its MaxDepth with an exception that has no position. This finds the
/// place again: the first '[' or '{' that opens one container too many, counted with Tomlyn's own lexer (so
/// brackets in strings and comments do not count). It runs only after that refusal.
/// </summary>
internal static class NestingLocator
{
    /// <summary>The offset, 0-based line and column of the bracket that goes past <paramref name="maxDepth"/>, or null.</summary>
    public static (int Offset, TomlPosition Position)? TooDeep(string text, int maxDepth)
    {
        var lexer = TomlLexer.Create(text, "");
        // The key that holds a value is one level already, as it is for Tomlyn's count.
        var open = 1;
        while (lexer.MoveNext())
        {
            var token = lexer.Current;
            switch (token.Kind)
            {
                case TokenKind.OpenBracket or TokenKind.OpenBrace:
                    open++;
                    break;
                case TokenKind.OpenBracketDouble:
                    open += 2;
                    break;
                case TokenKind.CloseBracket or TokenKind.CloseBrace:
                    open--;
                    break;
                case TokenKind.CloseBracketDouble:
                    open -= 2;
                    break;
                case TokenKind.Eof:
                    return null;
                default:
                    continue;
            }
            if (open > maxDepth)
            {
                // [[ opening the last two levels at once: the second bracket is the one too many.
                var extra = token.Kind == TokenKind.OpenBracketDouble && open == maxDepth + 1 ? 1 : 0;
                return (token.Start.Offset + extra, new TomlPosition(token.Start.Line + 1, token.Start.Column + 1 + extra));
            }
        }
        return null;
    }
}
