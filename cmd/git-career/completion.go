package main

import (
	"fmt"
	"regexp"
	"strings"
)

// completionRun is `git career completion bash|zsh`: it prints the shell
// completion script, for the line in the README to install.
func (a *app) completionRun(args []string) error {
	if len(args) != 1 {
		return usagef("usage: git career completion bash|zsh")
	}
	switch args[0] {
	case "bash":
		fmt.Fprint(a.stdout, bashCompletion())
	case "zsh":
		fmt.Fprint(a.stdout, zshCompletion())
	case "-h", "--help", "-help":
		fmt.Fprint(a.stdout, "usage: git career completion bash|zsh\n\nPrint the shell completion script for git career (see the README).\n")
		return errHelp
	default:
		return usagef("completion: unknown shell %q: want bash or zsh", args[0])
	}
	return nil
}

// completionFlag is one flag as the usage text documents it.
type completionFlag struct {
	name       string // without dashes: "repo", "o"
	value      bool   // takes a value
	repeatable bool
	help       string // the first line of its description
}

// The flags are read from the usage texts, so that completion offers
// exactly what -h documents, with no second list to keep in step (a test
// checks that the flag parser accepts each one).
var (
	usageFlagLine = regexp.MustCompile(`^  (-[a-z], )?--([a-z][a-z0-9-]*)((?: [A-Z][A-Z/@]*)?)\s*(.*)$`)
	initUsageFlag = regexp.MustCompile(`\[--([a-z][a-z0-9-]*)((?: [A-Z@][A-Z/@]*)?)\]`)
)

// mainFlags are the flags of `git career`, in the order of its usage.
func mainFlags() []completionFlag {
	var flags []completionFlag
	for _, line := range strings.Split(usageText, "\n") {
		m := usageFlagLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := completionFlag{name: m[2], value: m[3] != "", help: m[4], repeatable: strings.Contains(m[4], "repeatable")}
		flags = append(flags, f)
		if short := strings.TrimSuffix(strings.TrimPrefix(m[1], "-"), ", "); short != "" {
			f.name = short
			flags = append(flags, f)
		}
	}
	return flags
}

// initFlags are the flags of `git career init`, from its usage line.
func initFlags() []completionFlag {
	var flags []completionFlag
	for _, m := range initUsageFlag.FindAllStringSubmatch(initUsage, -1) {
		flags = append(flags, completionFlag{name: m[1], value: m[2] != ""})
	}
	return flags
}

// flagWords is the flags in the form git's __gitcomp offers them: a
// trailing "=" for those that take a value (it adds no space after one).
func flagWords(flags []completionFlag) string {
	var w []string
	for _, f := range flags {
		if len(f.name) == 1 {
			continue // -o: offered as --output
		}
		if f.value {
			w = append(w, "--"+f.name+"=")
		} else {
			w = append(w, "--"+f.name)
		}
	}
	return strings.Join(w, " ")
}

// valueFlags is a bash case pattern of the flags that take a value.
func valueFlags(flags []completionFlag) string {
	var w []string
	for _, f := range flags {
		if f.value {
			w = append(w, strings.Repeat("-", min(len(f.name), 2))+f.name)
		}
	}
	return strings.Join(w, "|")
}

// The values that some flags take, offered by both shells.
var (
	formatValues  = "markdown json"
	quarterValues = "current last"
	shells        = "bash zsh"
	subcommands   = "init completion"
)

// bashCompletion is the bash script. git's completion (which bash loads
// for `git`) calls _git_career for `git career`, with cur, prev, words and
// cword set, and its helpers (__gitcomp, __git_find_on_cmdline) at hand.
func bashCompletion() string {
	r := strings.NewReplacer(
		"@MAINFLAGS@", flagWords(mainFlags()),
		"@MAINVALUES@", valueFlags(mainFlags()),
		"@INITFLAGS@", flagWords(initFlags()),
		"@INITVALUES@", valueFlags(initFlags()),
		"@FORMATS@", formatValues,
		"@QUARTERS@", quarterValues,
		"@SHELLS@", shells,
		"@SUBCOMMANDS@", subcommands,
	)
	return r.Replace(bashTemplate)
}

const bashTemplate = `# bash completion for git career, printed by "git career completion bash".
# git's own completion calls _git_career when completing "git career".

# __git_career_paths offers folders (-d) or files (-f) matching $cur.
__git_career_paths ()
{
	compopt -o filenames 2>/dev/null
	local IFS=$'\n'
	COMPREPLY=($(compgen "$1" -- "$cur"))
}

_git_career ()
{
	local subcommand
	subcommand="$(__git_find_on_cmdline "@SUBCOMMANDS@")"
	case "$subcommand" in
	completion)
		__gitcomp "@SHELLS@"
		return
		;;
	init)
		case "$prev" in
		--output|--ladder) __git_career_paths -f; return ;;
		--repo) __git_career_paths -d; return ;;
		@INITVALUES@) return ;;
		esac
		case "$cur" in
		--output=*|--ladder=*) cur="${cur#*=}"; __git_career_paths -f; return ;;
		--repo=*) cur="${cur#*=}"; __git_career_paths -d; return ;;
		--*) __gitcomp "@INITFLAGS@" ;;
		esac
		return
		;;
	esac
	case "$prev" in
	--format) __gitcomp "@FORMATS@"; return ;;
	--quarter) __gitcomp "@QUARTERS@"; return ;;
	--repo) __git_career_paths -d; return ;;
	-o|--output|--ladder) __git_career_paths -f; return ;;
	@MAINVALUES@) return ;;
	esac
	case "$cur" in
	--format=*) __gitcomp "@FORMATS@" "" "${cur#--format=}"; return ;;
	--quarter=*) __gitcomp "@QUARTERS@" "" "${cur#--quarter=}"; return ;;
	--repo=*) cur="${cur#*=}"; __git_career_paths -d; return ;;
	--output=*|--ladder=*) cur="${cur#*=}"; __git_career_paths -f; return ;;
	-*) __gitcomp "@MAINFLAGS@"; return ;;
	esac
	__gitcomp "@SUBCOMMANDS@"
}
`

// zshCompletion is the zsh script: a completion function _git-career,
// which zsh's own git completion calls for "git career" and compinit
// binds to git-career. It works both from a file on $fpath and sourced.
func zshCompletion() string {
	var main, init []string
	for _, f := range mainFlags() {
		main = append(main, zshSpec(f))
	}
	for _, f := range initFlags() {
		init = append(init, zshSpec(f))
	}
	r := strings.NewReplacer(
		"@MAINSPECS@", strings.Join(main, " \\\n\t\t"),
		"@INITSPECS@", strings.Join(init, " \\\n\t\t\t"),
		"@SHELLS@", shells,
	)
	return r.Replace(zshTemplate)
}

// zshSpec is an _arguments spec for a flag: --name=[help]:value:action
// ("=" takes the value in the same word or the next, as Go's flag does).
func zshSpec(f completionFlag) string {
	help, _, _ := strings.Cut(f.help, ";")
	help = strings.NewReplacer("[", `\[`, "]", `\]`, ":", `\:`, "'", `'\''`).Replace(help)
	spec := "--" + f.name
	if len(f.name) == 1 {
		spec = "-" + f.name
	}
	if f.name == "version" {
		spec = "(- : *)" + spec // alone on the line
	}
	if f.repeatable {
		spec = "*" + spec
	}
	if !f.value {
		return "'" + spec + "[" + help + "]'"
	}
	action := " "
	switch f.name {
	case "repo":
		action = "_files -/"
	case "output", "o", "ladder":
		action = "_files"
	case "format":
		action = "(" + formatValues + ")"
	case "quarter":
		action = "(" + quarterValues + ")"
	}
	return "'" + spec + "=[" + help + "]:" + f.name + ":" + action + "'"
}

const zshTemplate = `#compdef git-career
#description write a brag-document draft from your git history
# zsh completion for git career, printed by "git career completion zsh".
# zsh's git completion calls _git-career for "git career".

_git-career() {
	if (( CURRENT > 2 )); then
		case $words[2] in
		completion)
			(( CURRENT == 3 )) && _values shell @SHELLS@
			return
			;;
		init)
			shift words
			(( CURRENT-- ))
			_arguments -S \
			@INITSPECS@
			return
			;;
		esac
	fi
	_arguments -S \
		@MAINSPECS@ \
		'1::command:((init\:"write git config entries for git career" completion\:"print the shell completion script"))'
}

if [[ $funcstack[1] == _git-career ]]; then
	_git-career "$@" # autoloaded from $fpath
else
	compdef _git-career git-career # sourced
fi
`
