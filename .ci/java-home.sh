# Sourced by .ci/run and bench/run-health.sh: points JAVA_HOME (and PATH) at a JDK 21 or newer.
# Keeps JAVA_HOME when it already is one; otherwise takes the newest JDK found under /usr/lib/jvm or on PATH.
# Fails (returns 1) with a clear message when there is none.

# The major version of a java binary: "25.0.3" -> 25, "21" -> 21, "21-ea" -> 21, "1.8.0_392" -> 8.
paydeck_java_major() {
    local version
    version=$("$1" -version 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p' | head -n 1) || return 1
    [[ -n "$version" ]] || return 1
    if [[ "$version" == 1.* ]]; then
        version=${version#1.}
    fi
    version=${version%%[!0-9]*}
    [[ -n "$version" ]] || return 1
    echo "$version"
}

paydeck_select_java_home() {
    local minimum=21 candidate major best="" best_major=0 on_path

    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        major=$(paydeck_java_major "$JAVA_HOME/bin/java" || echo 0)
        if (( major >= minimum )); then
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
        echo "JAVA_HOME=$JAVA_HOME is Java $major; looking for Java $minimum or newer" >&2
    fi

    local candidates=()
    for candidate in /usr/lib/jvm/*; do
        [[ -x "$candidate/bin/java" ]] && candidates+=("$(readlink -f "$candidate")")
    done
    if on_path=$(command -v java 2>/dev/null); then
        # /usr/bin/java -> /etc/alternatives/java -> <home>/bin/java
        candidates+=("$(dirname "$(dirname "$(readlink -f "$on_path")")")")
    fi

    for candidate in ${candidates[@]+"${candidates[@]}"}; do
        major=$(paydeck_java_major "$candidate/bin/java" || echo 0)
        if (( major >= minimum && major > best_major )); then
            best=$candidate
            best_major=$major
        fi
    done

    if [[ -z "$best" ]]; then
        echo "No JDK $minimum or newer found (looked at JAVA_HOME, /usr/lib/jvm/* and java on PATH)." >&2
        echo "Install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it." >&2
        return 1
    fi
    export JAVA_HOME=$best
    export PATH="$JAVA_HOME/bin:$PATH"
}

paydeck_select_java_home
