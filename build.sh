#!/usr/bin/env bash
# Builds Dateline and runs it or its tests. Installs what is missing on a fresh machine.
#   ./build.sh          build the wasm core (www/pkg/), the served explorer (target/www/) and the CLI
#   ./build.sh serve    build, then serve target/www/ on http://127.0.0.1:8000/
#   ./build.sh test     build, then run every test: Rust unit and integration tests, the JSON
#                       Schema, the type check of the page's scripts, browser tests
#   ./build.sh bench    build, then run the benchmarks in headless Chromium (bench/results.json);
#                       with BENCH_SERVE_ROWS=N also `dateline serve` on N rows (bench/serve.mjs)
#   ./build.sh tools    install the SQL engines `dateline serve` runs on (DuckDB's shell, chDB)
set -euo pipefail
cd "$(dirname "$0")"

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  local want
  want=$(bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    echo "build.sh: installing wasm-bindgen-cli $want (takes a few minutes, once)"
    # Its own lockfile pins a crate the registry has since yanked; fall back to fresh resolution.
    cargo install wasm-bindgen-cli --version "$want" --locked || cargo install wasm-bindgen-cli --version "$want"
  fi
}

# One wasm module: $1 is the output name, $2 its target directory, the rest are cargo flags. Each
# module builds in a target directory of its own, so no build undoes another's cache. With
# OPT_LEVEL set, the module is optimised for speed at that level instead of for size.
wasm_module() {
  local name=$1 dir=$2
  shift 2
  CARGO_PROFILE_RELEASE_OPT_LEVEL=${OPT_LEVEL:-z} \
    cargo build --release --target wasm32-unknown-unknown --lib --target-dir "$dir" "$@"
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir www/pkg --out-name "$name" "$dir/wasm32-unknown-unknown/release/dateline.wasm"
  # Built for size: binaryen's wasm-opt (from npm, pinned in the lockfile) optimises it for size
  # again, with inlining turned off (inlining makes the module smaller but its gzip larger). Kept
  # only if the download shrinks.
  if [ -z "${OPT_LEVEL:-}" ]; then
    node_modules/.bin/wasm-opt -Os -aimfs 0 -fimfs 0 -ocimfs 0 -pii 0 --strip-target-features \
      --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "www/pkg/${name}_bg.wasm" -o www/pkg/opt.wasm
    if [ "$(gzip -9 < www/pkg/opt.wasm | wc -c)" -lt "$(gzip -9 < "www/pkg/${name}_bg.wasm" | wc -c)" ]; then
      mv www/pkg/opt.wasm "www/pkg/${name}_bg.wasm"
    else
      rm www/pkg/opt.wasm
    fi
  fi
  echo "build.sh: www/pkg/${name}_bg.wasm $(wc -c < "www/pkg/${name}_bg.wasm") bytes, $(gzip -9 < "www/pkg/${name}_bg.wasm" | wc -c) gzipped"
}

build() {
  ensure_rust
  ensure_node
  # The page's engine reads Dateline packages only; the one with the importers (ACLED, UCDP,
  # TimelineJS, CSV), built for speed, is fetched for other formats and for a worker that reads a
  # large file.
  wasm_module dateline target --no-default-features
  OPT_LEVEL=3 wasm_module dateline_fast target/fast
  wasm_module dateline_extract target/extractor --no-default-features --features extractor
  cargo build --release
  site
}

# What is served, in target/www/: www/ with each entry script bundled with the modules it imports
# (esbuild) and minified (terser, whose output is smaller than esbuild's own), the engines'
# bindings minified too, the style sheets minified (esbuild), and the imported modules left out.
# The entry scripts are the explorer (dateline.js, with its views), the parts it fetches only when
# needed (worker-engine.js for a large file, engine-worker.js in that worker, remote-engine.js
# for a dateline serve server, panel.js for Add article, strings-*.js for an interface in
# another language than English) and the page's own (page.js, embed.js). An embedding page
# fetches one script for the explorer. A source map beside each file lets a browser's developer
# tools show the source.
site() {
  local entries=(dateline.js worker-engine.js engine-worker.js remote-engine.js panel.js page.js embed.js) f
  for f in www/strings-*.js; do entries+=("${f##*/}"); done
  rm -rf target/www target/bundle
  cp -r www target/www
  # Every other script of www/ is a module an entry imports: it is served inside that entry.
  for f in www/*.js; do
    [[ " ${entries[*]} " == *" ${f##*/} "* ]] || rm "target/www/${f##*/}"
  done
  node_modules/.bin/esbuild "${entries[@]/#/www/}" --bundle --format=esm --sourcemap \
    --external:./pkg/* --external:./panel.js --external:./worker-engine.js --external:./remote-engine.js \
    --external:./strings-*.js \
    --log-level=warning --outbase=www --outdir=target/bundle
  for f in target/bundle/*.js; do
    minify "$f" "target/www/${f##*/}" "content=$f.map,"
  done
  # The bindings as wasm-bindgen wrote them (through esbuild they came out larger).
  for f in www/pkg/*.js; do
    minify "$f" "target/www/pkg/${f##*/}" ""
  done
  find www -name '*.css' -print0 |
    xargs -0 node_modules/.bin/esbuild --minify --sourcemap --log-level=warning --outbase=www --outdir=target/www --allow-overwrite
  # Each text file and wasm module also as brotli (.br) and gzip (.gz), at their highest levels:
  # the server sends a browser the smallest it accepts.
  node --input-type=module -e "import { precompress } from './tests/browser/server.mjs'; await precompress('target/www');"
  echo "build.sh: target/www, the explorer as served"
}

# terser: the script $1 minified into $2, with a source map beside it; $3 names the source map $1
# came with ("content=FILE,"), if any.
minify() {
  node_modules/.bin/terser "$1" --module --compress passes=2 --mangle \
    --source-map "${3}url=${2##*/}.map,includeSources" -o "$2"
}

# Node.js and the npm packages of the committed lockfile: binaryen's wasm-opt, esbuild and terser
# make what is served; TypeScript's tsc checks the page's scripts; playwright-core and the rest
# drive the browser tests and the benchmark.
ensure_node() {
  if ! command -v node >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
  fi
  local tool missing=
  for tool in wasm-opt esbuild terser tsc; do [ -x "node_modules/.bin/$tool" ] || missing=1; done
  if [ -n "$missing" ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

# Browser tests and the benchmark run in Debian's chromium.
ensure_chromium() {
  if ! command -v chromium >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
}

# The SQL engines of `dateline serve`, pinned, from PyPI into the project's own virtual environment
# (nothing is installed system-wide): DuckDB's shell (duckdb-cli) and chDB, ClickHouse's embedded
# engine. Its tests find them through DATELINE_TOOLS.
DUCKDB_CLI_VERSION=1.5.6
CHDB_VERSION=4.4.0
ensure_tools() {
  local venv=target/tools/venv
  if [ "$("$venv/bin/duckdb" --version 2>/dev/null | awk '{print $1}')" != "v$DUCKDB_CLI_VERSION" ] ||
    [ "$("$venv/bin/python" -c 'import chdb; print(chdb.__version__)' 2>/dev/null)" != "$CHDB_VERSION" ]; then
    echo "build.sh: installing duckdb-cli $DUCKDB_CLI_VERSION and chdb $CHDB_VERSION into $venv"
    if ! python3 -m venv --help >/dev/null 2>&1; then
      apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y python3 python3-venv
    fi
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
      "duckdb-cli==$DUCKDB_CLI_VERSION" "chdb==$CHDB_VERSION"
  fi
  export DATELINE_TOOLS="$PWD/$venv/bin"
}

case "${1:-build}" in
  build)
    build
    ;;
  serve)
    build
    exec node tests/browser/server.mjs target/www "${PORT:-8000}"
    ;;
  tools)
    ensure_tools
    ;;
  test)
    ensure_rust
    ensure_tools
    cargo fmt --check
    cargo clippy --all-targets -- -D warnings
    cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
    cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
    cargo test
    # The page's engine is built without the importers: its own code is tested as built.
    cargo test --lib --no-default-features
    # The JSON Schema against every package shipped, and every fixture made to break it.
    ensure_node
    node --test tests/schema.test.mjs
    build
    # The page's scripts against their JSDoc types; the engines' come from the bindings just built.
    node_modules/.bin/tsc --noEmit -p tsconfig.json
    ensure_chromium
    # What a reader sees, the server's compression and the download's size budget.
    node --test tests/browser/*.test.mjs
    ;;
  bench)
    build
    ensure_chromium
    node bench/run.mjs
    if [ -n "${BENCH_SERVE_ROWS:-}" ]; then
      ensure_tools
      node bench/serve.mjs
    fi
    ;;
  *)
    echo "usage: ./build.sh [build|serve|test|bench|tools]" >&2
    exit 2
    ;;
esac
