# bash completion for rollgate(1), written by `rollgate --generate bash-completion`: do not edit.

_rollgate_words() { mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur"); }
_rollgate_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_rollgate() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} command="" i
  # bash splits --format=json at the =: complete the value of --format.
  if [[ $cur == = ]]; then cur=""
  elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then prev=${COMP_WORDS[COMP_CWORD - 2]}; fi
  # The subcommand is the first word that is not an option.
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ ${COMP_WORDS[i]} != -* ]]; then command=${COMP_WORDS[i]}; break; fi
  done
  COMPREPLY=()
  case $command in
    "") _rollgate_words "check eval explain graph expr diff --help --version" ;;
    check)
      case $prev in
        --format) _rollgate_words "text json"; return ;;
        --limit) return ;;
      esac
      if [[ $cur == -* ]]; then _rollgate_words "--help --format --limit"; else _rollgate_files; fi ;;
    eval)
      case $prev in
        --format) _rollgate_words "text json markdown dot svg mermaid"; return ;;
        --detail) _rollgate_words "full summary"; return ;;
        --color) _rollgate_words "auto always never"; return ;;
        --facts|--progress|--state|--what-if) _rollgate_files; return ;;
        --now|--limit) return ;;
      esac
      if [[ $cur == -* ]]; then _rollgate_words "--help --facts --progress --now --state --limit --what-if --format --detail --compact --fail-on-drift --color"; else _rollgate_files; fi ;;
    explain)
      case $prev in
        --format) _rollgate_words "text json"; return ;;
        --color) _rollgate_words "auto always never"; return ;;
        --facts|--progress|--state) _rollgate_files; return ;;
        --now|--limit) return ;;
      esac
      if [[ $cur == -* ]]; then _rollgate_words "--help --facts --progress --now --state --limit --format --color"; else _rollgate_files; fi ;;
    graph)
      case $prev in
        --format) _rollgate_words "dot svg mermaid"; return ;;
        --facts|--progress|--state) _rollgate_files; return ;;
        --now|--limit) return ;;
      esac
      if [[ $cur == -* ]]; then _rollgate_words "--help --facts --progress --now --state --limit --format"; else _rollgate_files; fi ;;
    expr)
      case $prev in
        --format) _rollgate_words "text json"; return ;;
        --plan|--facts) _rollgate_files; return ;;
        --now|--limit) return ;;
      esac
      if [[ $cur == -* ]]; then _rollgate_words "--help --plan --facts --now --limit --format"; fi ;;
    diff)
      case $prev in
        --format) _rollgate_words "text json"; return ;;
        --limit) return ;;
      esac
      if [[ $cur == -* ]]; then _rollgate_words "--help --format --limit"; else _rollgate_files; fi ;;
  esac
}

complete -F _rollgate rollgate
