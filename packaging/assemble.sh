#!/usr/bin/env bash
# assemble.sh: lays out the agent as it is installed, from a built checkout.
#
#   packaging/assemble.sh --version V --runtime DIR --out DIR
#
# Writes, under --out:
#   macos/root/     the pkg payload: /opt/nxlog (the nxlog.app bundle, bin/, etc/, share/)
#   macos/scripts/  preinstall and postinstall, as pkgbuild --scripts wants them
#   linux/openmaces/ and openmaces-V-linux-ARCH.tar.gz (only on Linux): bin/, lib/, conf/, runtime/, systemd/
#
# It takes the launcher and libnxes from native/target, the jars from packaging/target/lib, the Java
# runtime from --runtime (jlink-runtime.sh), and runs on Linux and macOS alike: on a Mac the payload holds
# Mac binaries and goes to build-pkg.sh; on Linux it holds Linux binaries, so the tests can check the tree
# and start the agent from it. Modes are set here; owners are set by pkgbuild --ownership recommended
# (root:wheel) and by the tarball (0:0).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
checkout="$(dirname "$here")"
version="" runtime="" out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="$2"; shift 2 ;;
        --runtime) runtime="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        *) echo "assemble.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -n "$version" ] && [ -n "$runtime" ] && [ -n "$out" ] || { echo "usage: assemble.sh --version V --runtime DIR --out DIR" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
runtime="$(cd "$runtime" 2>/dev/null && pwd)" || { echo "assemble.sh: no runtime at $runtime (jlink-runtime.sh)" >&2; exit 2; }

case "$(uname -s)" in
    Darwin) os=darwin; libnxes=libnxes.dylib ;;
    *) os=linux; libnxes=libnxes.so ;;
esac
launcher="$checkout/native/target/bin/nxlog"
jars="$checkout/packaging/target/lib"
for required in "$launcher" "$checkout/native/target/lib/$libnxes" "$runtime/bin/java" "$jars"; do
    [ -e "$required" ] || { echo "assemble.sh: $required is missing; build first (./mvnw -DskipTests package)" >&2; exit 2; }
done

# copy_tree SRC DEST: hard links where the filesystem allows (the runtime is 50 MB), else a copy.
copy_tree() {
    cp -al "$1" "$2" 2>/dev/null || cp -Rp "$1" "$2"
    rm -f "$2/.openmaces-stamp"
}

# jna_dispatch DEST_LIB JNA_JAR: JNA's dispatch library for this OS moves out of its jar into lib/, and the
# jar keeps no native code. On a Mac the copy in lib/ is signed with the bundle (codesign.sh); a copy JNA
# unpacked into /tmp at run time would carry nobody's signature, fail library validation under the
# hardened runtime, and make notarization reject the jar. jvm.options sets jna.nounpack; the CLI points
# jna.boot.library.path at lib/.
jna_dispatch() {
    local lib="$1" jar="$2" scratch
    scratch="$(mktemp -d)"
    (cd "$scratch" && unzip -q "$jar" 'com/sun/jna/*/*jnidispatch*')
    if [ "$os" = darwin ]; then
        # one universal file from JNA's two Mac builds
        lipo -create "$scratch/com/sun/jna/darwin-aarch64/libjnidispatch.jnilib" \
            "$scratch/com/sun/jna/darwin-x86-64/libjnidispatch.jnilib" -output "$lib/libjnidispatch.jnilib"
    else
        local arch
        case "$(uname -m)" in x86_64) arch=x86-64 ;; aarch64) arch=aarch64 ;; *) arch="$(uname -m)" ;; esac
        cp "$scratch/com/sun/jna/linux-$arch/libjnidispatch.so" "$lib/libjnidispatch.so"
    fi
    chmod 0755 "$lib"/libjnidispatch.*
    rm -rf "$scratch"
    zip -q -d "$jar" 'com/sun/jna/*/*jnidispatch*' >/dev/null
}

# ---- the macOS pkg payload: /opt/nxlog as NXLog Agent users know it ----
root="$out/macos/root"
scripts="$out/macos/scripts"
rm -rf "$out/macos"
prefix="$root/opt/nxlog"
contents="$prefix/lib/nxlog.app/Contents"
mkdir -p "$contents/MacOS" "$contents/lib" "$contents/conf" "$prefix/bin" "$prefix/etc" "$prefix/share/nxlog" "$scripts"

# The launcher is the bundle's main executable: it carries the ES entitlement and receives Full Disk
# Access. It finds its home one level up (Contents/): runtime/, lib/, conf/jvm.options.
cp "$launcher" "$contents/MacOS/nxlog"
sed "s/@VERSION@/${version%%-*}/g" "$here/macos/Info.plist" > "$contents/Info.plist"
cp "$jars"/*.jar "$contents/lib/"
cp "$checkout/native/target/lib/$libnxes" "$contents/lib/"
jna_dispatch "$contents/lib" "$(ls "$contents"/lib/jna-*.jar)"
{
    cat "$here/common/jvm.options"
    printf '\n# JNA loads its dispatch library from lib/ (signed with the bundle), never from a copy in /tmp\n'
    printf -- '-Djna.nounpack=true\n'
} > "$contents/conf/jvm.options"

ln -s ../lib/nxlog.app/Contents/MacOS/nxlog "$prefix/bin/nxlog"
cp "$here/macos/nxlog-uninstall" "$prefix/bin/nxlog-uninstall"
cp "$here/macos/com.nxlog.plist" "$prefix/share/nxlog/com.nxlog.plist"
cp "$checkout/entitlements/nxlog-full-disk-access.mobileconfig" "$prefix/share/nxlog/"
# The shipped configuration is a template: postinstall copies it to etc/nxlog.conf only when there is
# none, so an upgrade never overwrites the user's file (a pkg payload would).
if [ -f "$checkout/conf/nxlog.conf" ]; then
    cp "$checkout/conf/nxlog.conf" "$prefix/etc/nxlog.conf.default"
else
    echo "assemble.sh: warning: conf/nxlog.conf is missing; the payload carries no default configuration" >&2
fi
cp "$here/macos/scripts/preinstall" "$here/macos/scripts/postinstall" "$scripts/"

find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$contents/MacOS/nxlog" "$contents/lib/$libnxes" "$contents"/lib/libjnidispatch.* \
    "$prefix/bin/nxlog-uninstall" "$scripts/preinstall" "$scripts/postinstall"
# the runtime keeps the modes jlink gave it (executables in bin/, libraries); copied after the chmods
# above, which would otherwise reach the hard-linked originals
copy_tree "$runtime" "$contents/runtime"

# ---- Linux: a tarball for replay and testing ----
if [ "$os" = linux ]; then
    tree="$out/linux/openmaces"
    rm -rf "$out/linux"
    mkdir -p "$tree/bin" "$tree/lib" "$tree/conf" "$tree/systemd"
    cp "$launcher" "$tree/bin/nxlog"
    cp "$jars"/*.jar "$tree/lib/"
    cp "$checkout/native/target/lib/$libnxes" "$tree/lib/"
    cp "$here/common/jvm.options" "$tree/conf/jvm.options"
    cp "$here/linux/nxlog.conf" "$tree/conf/nxlog.conf"
    cp "$here/linux/openmaces.service" "$tree/systemd/openmaces.service"
    find "$tree" -type d -exec chmod 0755 {} +
    find "$tree" -type f -exec chmod 0644 {} +
    chmod 0755 "$tree/bin/nxlog" "$tree/lib/$libnxes"
    copy_tree "$runtime" "$tree/runtime"
    arch="$(uname -m)"
    tar --owner=0 --group=0 --numeric-owner -C "$out/linux" -czf "$out/openmaces-$version-linux-$arch.tar.gz" openmaces
fi
