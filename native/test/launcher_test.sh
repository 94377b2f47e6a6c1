#!/usr/bin/env bash
# launcher_test.sh LAUNCHER: starts a Java main through bin/nxlog in a throw-away bundle layout
# (bin/, lib/, conf/, runtime/ -> this machine's JDK) and checks arguments, options, exit status.
set -u
launcher="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
javac_path="$(readlink -f "$(command -v javac)")"
jdk="$(dirname "$(dirname "$javac_path")")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home/bin" "$work/home/lib" "$work/home/conf" "$work/src/probe"
cp "$launcher" "$work/home/bin/nxlog"
ln -s "$jdk" "$work/home/runtime"
cat > "$work/src/probe/Probe.java" <<'JAVA'
package probe;
public final class Probe {
    public static void main(String[] args) {
        System.out.println("args=" + String.join("|", args));
        System.out.println("option=" + System.getProperty("probe.option"));
        System.out.println("home=" + System.getProperty("openmaces.home"));
        System.out.println("native=" + System.getProperty("openmaces.native.dir"));
        if (args.length > 0 && args[0].equals("exit")) {
            System.exit(Integer.parseInt(args[1]));
        }
        if (args.length > 0 && args[0].equals("throw")) {
            throw new IllegalStateException("probe failure");
        }
        if (args.length > 0 && args[0].equals("wait")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
            System.out.println("ready");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
JAVA
"$jdk/bin/javac" -d "$work/classes" "$work/src/probe/Probe.java" && "$jdk/bin/jar" cf "$work/home/lib/probe.jar" -C "$work/classes" .
printf '# options for the probe\n-Dprobe.option=from file\n\n-Xmx64m\n' > "$work/home/conf/jvm.options"

passed=0 failed=0
check() { # name, condition result
	if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1" >&2; fi
}
out="$(NXLOG_MAIN_CLASS=probe.Probe "$work/home/bin/nxlog" -c "a file.conf" -f 2>&1)"; rc=$?
check "exit 0 when main returns" $rc
echo "$out" | grep -qx 'args=-c|a file.conf|-f'; check "arguments passed in order" $?
echo "$out" | grep -qx 'option=from file'; check "options file read" $?
echo "$out" | grep -qx "home=$work/home"; check "home property" $?
echo "$out" | grep -qx "native=$work/home/lib"; check "native dir property" $?
NXLOG_MAIN_CLASS=probe.Probe "$work/home/bin/nxlog" exit 7 >/dev/null 2>&1; rc=$?
[ "$rc" -eq 7 ]; check "System.exit status passed through" $?
NXLOG_MAIN_CLASS=probe.Probe "$work/home/bin/nxlog" throw >/dev/null 2>&1; rc=$?
[ "$rc" -eq 1 ]; check "uncaught exception exits 1" $?
# SIGTERM (what launchd sends) reaches the JVM inside the launcher: shutdown hooks run, 128+15
NXLOG_MAIN_CLASS=probe.Probe "$work/home/bin/nxlog" wait > "$work/wait.out" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q ready "$work/wait.out" 2>/dev/null && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid"; rc=$?
[ "$rc" -eq 143 ] && grep -q "shutdown hook ran" "$work/wait.out"; check "SIGTERM runs the shutdown hooks (exit $rc)" $?
out="$(NXLOG_MAIN_CLASS=probe.Missing "$work/home/bin/nxlog" 2>&1)"; rc=$?
[ "$rc" -eq 2 ] && echo "$out" | grep -q "lib/"; check "missing main class explained" $?
rm "$work/home/runtime"
out="$(env -u JAVA_HOME NXLOG_MAIN_CLASS=probe.Probe "$work/home/bin/nxlog" 2>&1)"; rc=$?
[ "$rc" -eq 2 ] && echo "$out" | grep -q "NXLOG_JAVA_HOME"; check "missing runtime explained" $?
echo "launcher_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
