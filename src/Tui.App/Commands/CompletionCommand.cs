using System.CommandLine;

namespace Tui.App.Commands;

/// <summary>
/// tui completion bash|zsh: prints a completion script. Process names come from the running instance of the -c file
/// on the line (or processes.toml) through <c>tui ps -q</c>, so they are always the current ones.
/// Install: <c>source &lt;(tui completion bash)</c>, or for zsh <c>source &lt;(tui completion zsh)</c> in .zshrc.
/// </summary>
internal static class CompletionCommand
{
    public static Command Build(RootCommand root)
    {
        var command = new Command("completion", "Print a shell completion script (bash or zsh)");
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        command.Arguments.Add(shell);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.Write(parseResult.GetValue(shell) == "zsh" ? Zsh(root) : Bash(root));
            return CliExit.Ok;
        });
        return command;
    }

    /// <summary>The commands whose argument is a process (NAME) or a target (NAME|@GROUP|all).</summary>
    private static readonly string[] NameCommands = ["logs", "status", "wait"];
    private static readonly string[] TargetCommands = ["start", "stop", "restart", "pause", "resume"];

    private static string Commands(RootCommand root) => string.Join(' ', root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));

    /// <summary>A command's options, with those of its own subcommands (<c>export systemd --user</c>).</summary>
    private static string OptionsOf(RootCommand root) => string.Join('\n', root.Subcommands.Select(c =>
        $"    {c.Name}) opts=\"{string.Join(' ', c.Subcommands.Prepend(c).SelectMany(s => s.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct())}\" ;;"));

    /// <summary>Commands that take a subcommand (<c>export systemd</c>): "name) words" lines for the shell's case.</summary>
    private static string SubcommandsOf(RootCommand root, string indent, Func<string, string> complete) => string.Join('\n',
        root.Subcommands.Where(c => c.Subcommands.Any(s => !s.Hidden)).Select(c =>
            $"{indent}{c.Name}) {complete(string.Join(' ', c.Subcommands.Where(s => !s.Hidden).Select(s => s.Name)))} ;;"));

    public static string Bash(RootCommand root) => $$"""
        # bash completion for tui; load with: source <(tui completion bash)
        _tui_config() {
            local i
            for ((i = 1; i < COMP_CWORD; i++)); do
                if [[ ${COMP_WORDS[i]} == -c || ${COMP_WORDS[i]} == --config ]]; then echo "${COMP_WORDS[i+1]}"; return; fi
            done
            echo processes.toml
        }
        _tui() {
            local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd=${COMP_WORDS[1]} opts=""
            if ((COMP_CWORD == 1)); then COMPREPLY=($(compgen -W "{{Commands(root)}}" -- "$cur")); return; fi
            if [[ $prev == -c || $prev == --config ]]; then COMPREPLY=($(compgen -f -- "$cur")); return; fi
            case $cmd in
        {{OptionsOf(root)}}
            esac
            if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return; fi
            if ((COMP_CWORD == 2)); then
                case $cmd in
        {{SubcommandsOf(root, "            ", words => $"COMPREPLY=($(compgen -W \"{words}\" -- \"$cur\")); return")}}
                esac
            fi
            case $cmd in
                {{string.Join('|', NameCommands)}}) COMPREPLY=($(compgen -W "$(tui ps -q -c "$(_tui_config)" 2>/dev/null)" -- "$cur")) ;;
                {{string.Join('|', TargetCommands)}}) COMPREPLY=($(compgen -W "all $(tui ps -q -c "$(_tui_config)" 2>/dev/null)" -- "$cur")) ;;
                completion) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")) ;;
            esac
        }
        complete -F _tui tui

        """;

    public static string Zsh(RootCommand root) => $$"""
        #compdef tui
        # zsh completion for tui; load with: source <(tui completion zsh)
        _tui() {
            local -a commands names
            local config=processes.toml i
            for ((i = 2; i < CURRENT; i++)); do
                [[ ${words[i]} == -c || ${words[i]} == --config ]] && config=${words[i+1]}
            done
            if ((CURRENT == 2)); then
                commands=({{Commands(root)}})
                compadd -a commands
                return
            fi
            if [[ ${words[CURRENT-1]} == -c || ${words[CURRENT-1]} == --config ]]; then _files; return; fi
            if ((CURRENT == 3)); then
                case ${words[2]} in
        {{SubcommandsOf(root, "            ", words => $"compadd {words}; return")}}
                esac
            fi
            case ${words[2]} in
                {{string.Join('|', NameCommands)}}) names=(${(f)"$(tui ps -q -c $config 2>/dev/null)"}); compadd -a names ;;
                {{string.Join('|', TargetCommands)}}) names=(all ${(f)"$(tui ps -q -c $config 2>/dev/null)"}); compadd -a names ;;
                completion) compadd bash zsh ;;
            esac
        }
        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _tui "$@"; else compdef _tui tui; fi

        """;
}
