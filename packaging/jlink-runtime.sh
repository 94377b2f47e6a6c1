#!/usr/bin/env bash
# jlink-runtime.sh OUT_DIR: the trimmed Java runtime the bundle and the tarball carry, made with the
# jlink of the JDK that builds (JAVA_HOME, else the one javac belongs to), so it is for this OS and
# architecture. Skipped when OUT_DIR was made from the same JDK and module list (a stamp file says so):
# jlink takes about 20 s, once per clean build.
set -euo pipefail
out="$1"

# What the jars need (jdeps --print-module-deps over packaging/target/lib, plus what only shows at run
# time), one reason each:
modules=(
    java.base
    java.logging        # commons-logging and JNA log through java.util.logging
    java.xml            # Logback and commons-configuration parse XML
    java.naming         # Logback's context lookups (JNDI), ldap-free
    java.management     # Logback's JMX configurator
    java.desktop        # java.beans, used by commons-configuration's bean helpers
    java.scripting      # commons-configuration's interpolation looks it up
    java.sql            # java.sql.Timestamp and friends in commons-lang3 and Logback
    java.net.http       # om_http
    jdk.crypto.ec       # elliptic-curve TLS suites for om_ssl and om_http over HTTPS
    jdk.security.auth   # com.sun.security.auth.module.UnixSystem: the root checks
    jdk.unsupported     # sun.misc.Signal (SIGHUP, SIGUSR1) and JNA's use of Unsafe
)

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
    jdk="$JAVA_HOME"
else
    jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
list="$(IFS=,; echo "${modules[*]}")"
stamp="$jdk|$list"
if [ -f "$out/.openmaces-stamp" ] && [ "$(cat "$out/.openmaces-stamp")" = "$stamp" ]; then
    exit 0
fi
rm -rf "$out"
mkdir -p "$(dirname "$out")"
# No --generate-cds-archive: its two class-data archives add 20 MB to every Mac's download to save a
# fraction of a second at a start that happens once per boot.
"$jdk/bin/jlink" --add-modules "$list" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$out" > "$out.log" 2>&1 || { cat "$out.log" >&2; exit 1; }
rm -f "$out.log"
printf '%s' "$stamp" > "$out/.openmaces-stamp"
