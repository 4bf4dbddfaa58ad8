# Sourced by bin/local-suite and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, the `java` on the PATH if it is 21+, else the newest 21+ under /usr/lib/jvm.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

pick_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
        echo "$JAVA_HOME"
        return
    fi
    if command -v javac >/dev/null 2>&1; then
        local on_path
        on_path="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
        if [ "$(java_major "$on_path")" -ge 21 ]; then
            echo "$on_path"
            return
        fi
    fi
    local best="" best_major=0 candidate major
    for candidate in /usr/lib/jvm/*; do
        [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate") || continue
        if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"
            best_major="$major"
        fi
    done
    echo "$best"
}

JAVA_HOME="$(pick_jdk)"
if [ -z "$JAVA_HOME" ]; then
    echo "bikecast needs a JDK 21 or newer: none found in \$JAVA_HOME, on the PATH or under /usr/lib/jvm." >&2
    echo "Install one (e.g. 'apt-get install openjdk-21-jdk') or point JAVA_HOME at it." >&2
    exit 1
fi
export JAVA_HOME
