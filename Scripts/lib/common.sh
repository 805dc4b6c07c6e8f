# Shared set-up for StakeNet's scripts: system packages (apt on Debian/Ubuntu, Homebrew on macOS) and
# the Python virtualenv that holds the reference implementations. Source it; do not run it.

STAKENET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STAKENET_VENV="${STAKENET_VENV:-$STAKENET_ROOT/.venv}"

say() { printf '%s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the system packages StakeNet builds against and tests with, if any is missing.
# Debian/Ubuntu: libgraphviz-dev (Graphviz's C libraries and every layout plugin), zlib1g-dev (ZIPFoundation,
# for .xlsx workbooks), libxml2-dev (the XML formats' parser), pkg-config and fonts-dejavu-core to build and draw; for tests python3-venv (the reference virtualenv), r-cran-sna (R's sna,
# a reference implementation), graphviz (the dot program, to compare output), graphviz-doc (example graphs),
# chromium (to open reports headless), time and bc (benchmarks).
# `install_system_packages build` installs only what building and drawing need (Scripts/demo).
# macOS (untested): Homebrew's graphviz and pkg-config.
install_system_packages() {
    case "$(uname -s)" in
        Linux)
            if ! command -v apt-get >/dev/null 2>&1; then
                say "Scripts: no apt-get here; install Graphviz's development files (libgvc, libcgraph) and pkg-config by hand."
                return 0
            fi
            local wanted=(libgraphviz-dev zlib1g-dev libxml2-dev pkg-config fonts-dejavu-core)
            if [ "${1:-all}" != "build" ]; then
                wanted+=(python3-venv r-cran-sna time bc graphviz graphviz-doc chromium)
            fi
            local missing=()
            for package in "${wanted[@]}"; do
                dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
            done
            if [ "${#missing[@]}" -gt 0 ]; then
                say "Installing ${missing[*]} with apt-get…"
                as_root apt-get update -qq
                DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
            fi
            ;;
        Darwin)
            command -v brew >/dev/null 2>&1 || { say "Scripts: install Homebrew first (https://brew.sh)."; return 1; }
            brew list graphviz >/dev/null 2>&1 || brew install graphviz
            brew list pkg-config >/dev/null 2>&1 || brew install pkg-config
            ;;
    esac
}

# Creates the virtualenv with the pinned reference packages (Scripts/reference/requirements.txt) if needed.
ensure_reference_env() {
    local requirements="$STAKENET_ROOT/Scripts/reference/requirements.txt"
    local stamp="$STAKENET_VENV/.requirements"
    if [ ! -x "$STAKENET_VENV/bin/python" ]; then
        say "Creating the reference virtualenv in $STAKENET_VENV…"
        python3 -m venv "$STAKENET_VENV"
    fi
    if ! cmp -s "$requirements" "$stamp"; then
        say "Installing reference packages (NetworkX …) into the virtualenv…"
        "$STAKENET_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$stamp"
    fi
}

# Spark for the GraphX jobs: SPARK_HOME if set, else the pyspark wheel in the virtualenv (installed from
# Scripts/spark/requirements.txt when missing) with Debian's JDK 17.
ensure_spark() {
    if ! command -v java >/dev/null 2>&1; then
        if command -v apt-get >/dev/null 2>&1; then
            say "Installing openjdk-17-jre-headless with apt-get…"
            as_root apt-get update -qq || return 1
            DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null || return 1
        else
            say "Scripts: install a Java 17 runtime first."; return 1
        fi
    fi
    if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then return 0; fi
    local requirements="$STAKENET_ROOT/Scripts/spark/requirements.txt"
    local stamp="$STAKENET_VENV/.requirements-spark"
    if [ ! -x "$STAKENET_VENV/bin/python" ]; then python3 -m venv "$STAKENET_VENV" || return 1; fi
    if ! cmp -s "$requirements" "$stamp"; then
        say "Installing pyspark (Spark and GraphX) into the virtualenv…"
        "$STAKENET_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" || return 1
        cp "$requirements" "$stamp"
    fi
    SPARK_HOME="$("$STAKENET_VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')" || return 1
    export SPARK_HOME
}

# The jobs' jar, compiled with the Scala compiler Spark ships when the sources changed; prints its path.
spark_jobs_jar() {
    local sources="$STAKENET_ROOT/Scripts/spark/jobs"
    local out="$STAKENET_ROOT/.build/spark"
    local digest
    digest="$(cat "$sources"/*.scala | sha256sum | cut -c1-16)"
    local jar="$out/stakenet-spark-$digest.jar"
    if [ ! -f "$jar" ]; then
        mkdir -p "$out"
        say "Compiling the GraphX jobs…"
        java -cp "$SPARK_HOME/jars/*" scala.tools.nsc.Main -usejavacp -nowarn -d "$jar.tmp.jar" "$sources"/*.scala >&2
        mv "$jar.tmp.jar" "$jar"
    fi
    printf '%s\n' "$jar"
}
