# bash completion for poolsim — installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/poolsim.
# Commands and options come from poolsim itself (`poolsim COMMAND --help`), so
# they cannot drift from the program; after --set, --vary, --tornado and
# --breakeven, the keys of the scenario on the line (`poolsim check FILE
# --keys`: every field the file writes, items of lists by id); after --pool and
# --party, the scenario's pool and party ids; after file options, files.

_poolsim_keys() { # the keys of the first .lua file on the line
  local w
  for w in "${COMP_WORDS[@]:2}"; do
    case $w in *.lua) [ -f "$w" ] && "${COMP_WORDS[0]}" check "$w" --keys 2>/dev/null; return ;; esac
  done
}

_poolsim() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} bin=${COMP_WORDS[0]}
  COMPREPLY=()
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "run size check compare sweep backtest script help --help --version" -- "$cur"))
    return
  fi
  local cmd=${COMP_WORDS[1]}
  case $prev in
    --set | --vary)
      compopt -o nospace 2>/dev/null
      COMPREPLY=($(compgen -S = -W "$(_poolsim_keys)" -- "$cur"))
      return ;;
    --tornado)
      compopt -o nospace 2>/dev/null
      local done=${cur%"${cur##*,}"}
      COMPREPLY=($(compgen -P "$done" -W "$(_poolsim_keys)" -- "${cur##*,}"))
      return ;;
    --breakeven)
      COMPREPLY=($(compgen -W "$(_poolsim_keys)" -- "$cur"))
      return ;;
    --pool | --party)
      local list=pools
      [ "$prev" = --party ] && list=parties
      COMPREPLY=($(compgen -W "$(_poolsim_keys | sed -n "s/^$list\.\([^.]*\)\..*/\1/p" | sort -u)" -- "$cur"))
      return ;;
    --lang)
      COMPREPLY=($(compgen -W "zh en" -- "$cur"))
      return ;;
    --sampling)
      COMPREPLY=($(compgen -W "plain importance" -- "$cur"))
      return ;;
    --csv)
      COMPREPLY=($(compgen -d -- "$cur"))
      return ;;
    --json | --md | --html | --actual)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    --paths | --seed | --threads | --alpha | --at | --by | --target | --range | --serve)
      return ;;
  esac
  if [ "$cmd" = help ]; then
    COMPREPLY=($(compgen -W "run size check compare sweep backtest script" -- "$cur"))
  elif [ "$cmd" = script ] || [[ $cur != -* ]]; then
    [ "$cmd" = script ] && [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--trust --help" -- "$cur")) && return
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -X '!*.lua' -- "$cur") $(compgen -d -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$("$bin" "$cmd" --help 2>/dev/null | sed -n 's/^  \(--[a-z]*\).*/\1/p')" -- "$cur"))
  fi
}
complete -F _poolsim poolsim
