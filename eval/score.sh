#!/usr/bin/env bash
# Scores PortAnalyzers on the hand-labelled corpus (eval/README.md). Not part of CI: it needs the clones.
#   bash eval/score.sh [--root REPO_ROOT | --analyzers PortAnalyzers.dll | --from-dump diags.csv] [--clones DIR] [--repo owner/name]
#                      [--verbose] [--dump diags.csv]
# --root (default: this repository) builds src/PortAnalyzers there; --analyzers takes a built assembly instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
analyzers=""
fromdump=""
clones="${PORTEVAL_CLONES:-/work/clones}"
rest=()
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$(cd "$2" && pwd)"; shift 2 ;;
    --analyzers) analyzers="$2"; shift 2 ;;
    --clones) clones="$2"; shift 2 ;;
    --from-dump) fromdump="$2"; shift 2 ;;
    *) rest+=("$1"); shift ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "$fromdump" ]; then
  dotnet build "$here/PortEval/PortEval.csproj" -c Release -nologo -v q -o "$work/eval" >&2
  dotnet "$work/eval/PortEval.dll" --from-dump "$fromdump" --labels "$here/labels.csv" --clones "$clones" ${rest[@]+"${rest[@]}"}
  exit $?
fi
if [ -z "$analyzers" ]; then
  echo "building the analyzers of $root ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'))" >&2
  dotnet build "$root/src/PortAnalyzers/PortAnalyzers.csproj" -c Release -nologo -v q -o "$work/analyzers" >&2
  analyzers="$work/analyzers/PortAnalyzers.dll"
fi
dotnet build "$here/PortEval/PortEval.csproj" -c Release -nologo -v q -o "$work/eval" >&2
dotnet "$work/eval/PortEval.dll" --analyzers "$analyzers" --labels "$here/labels.csv" --clones "$clones" ${rest[@]+"${rest[@]}"}
