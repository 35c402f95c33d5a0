#!/bin/sh
# Build the 1,000-post benchmark corpus with the Porto theme of this checkout,
# so template changes can be timed and their output diffed against a reference.
#   benchmarks/theme_render.sh OUTDIR [PAGINATION] [extra pelican args...]
# PAGINATION is a DEFAULT_PAGINATION JSON value (false by default).
# Time it with: /usr/bin/time -f "%U user %S sys %e wall" benchmarks/theme_render.sh /tmp/out
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?output folder}
pagination=${2:-false}
[ $# -ge 2 ] && shift 2 || shift 1
corpus=${PORTO_BENCH_CORPUS:-/work/main/benchmarks/.work/corpus-yaml}
cd "$(dirname "$corpus")"
exec python -m pelican "$(basename "$corpus")" -s "$here/pelicanconf.py" -o "$out" -q --ignore-cache \
  -e TYPOGRIFY=false PLUGINS='["porto_frontmatter","porto_tag_cloud","porto_related"]' \
     THEME="\"$here/theme\"" PLUGIN_PATHS="[\"$here/plugins\"]" \
     FEED_ALL_ATOM='"feeds/all.atom.xml"' CATEGORY_FEED_ATOM='"feeds/{slug}.atom.xml"' \
     AUTHOR_FEED_ATOM='"feeds/{slug}.atom.xml"' AUTHOR_FEED_RSS='"feeds/{slug}.rss.xml"' \
     DEFAULT_PAGINATION="$pagination" CACHE_CONTENT=false LOAD_CONTENT_CACHE=false "$@"
