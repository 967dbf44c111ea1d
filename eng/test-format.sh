#!/usr/bin/env bash
# End to end: `dotnet format analyzers --diagnostics PORT003` applies the code fixes to a copy of each sample, the
# samples still build, and no PORT003 is left: fixes keep the code compiling and are recognised as configurable.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/src"
cp -r "$root/samples" "$work/"
cp -r "$root/src/PortAnalyzers" "$root/src/PortAnalyzers.CodeFixes" "$root/src/PortAnalyzers.Package" "$work/src/"
cp "$root/Directory.Build.props" "$root/global.json" "$work/"
find "$work" \( -name bin -o -name obj \) -type d -prune -exec rm -rf {} +

for sample in SocketService WebService; do
  project="$work/samples/$sample/$sample.csproj"
  # dotnet format loads the analyzer and code fix assemblies from the referenced projects' build output.
  dotnet build "$project" -nologo -v q >/dev/null
  dotnet format analyzers "$project" --diagnostics PORT003 --severity info --no-restore
  if cmp -s "$root/samples/$sample/Program.cs" "$work/samples/$sample/Program.cs"; then
    echo "FAIL: dotnet format changed nothing in $sample" >&2; exit 1
  fi
  out="$(dotnet build "$project" -nologo --no-incremental 2>&1)" || { echo "$out" >&2; echo "FAIL: $sample does not build after the fixes" >&2; exit 1; }
  if grep -q "warning PORT003" <<<"$out"; then
    grep "warning PORT003" <<<"$out" >&2; echo "FAIL: PORT003 left in $sample after the fixes" >&2; exit 1
  fi
  echo "== $sample after dotnet format analyzers --diagnostics PORT003"
  diff "$root/samples/$sample/Program.cs" "$work/samples/$sample/Program.cs" || true
done
echo "format check passed"
