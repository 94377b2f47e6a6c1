#!/bin/sh
# build-pkg.sh: turns the payload assemble.sh laid out into an installer package. macOS only (pkgbuild
# and productbuild exist only there).
#
#   packaging/macos/build-pkg.sh --version V --payload packaging/target/payload [--sign "Developer ID Installer: ..."]
#
# Writes packaging/target/pkg/openmaces-nxlog-V-ARCH.pkg (ARCH of this Mac: the bundled Java runtime is
# built for one architecture). Sign the bundle first (entitlements/codesign.sh) when it is for others;
# without --sign the pkg is unsigned, fine for CI and for testing on your own Mac.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
version="" payload="" identity=""
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="$2"; shift 2 ;;
        --payload) payload="$2"; shift 2 ;;
        --sign) identity="$2"; shift 2 ;;
        *) echo "build-pkg.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -n "$version" ] && [ -d "$payload/macos/root/opt/nxlog" ] || { sed -n '2,10p' "$0" >&2; exit 2; }
[ -f "$payload/macos/root/opt/nxlog/etc/nxlog.conf.default" ] || {
    echo "build-pkg.sh: the payload has no etc/nxlog.conf.default (conf/nxlog.conf was missing at assembly)" >&2; exit 1; }

arch="$(uname -m)"
out="$(dirname "$payload")/pkg"
work="$out/work"
rm -rf "$work"
mkdir -p "$work"
number="${version%%-*}"

# A component plist that keeps the bundle where the payload puts it: by default Installer "relocates" an
# app bundle to wherever a bundle with the same identifier already lives.
pkgbuild --analyze --root "$payload/macos/root" "$work/components.plist"
count="$(plutil -convert json -o - "$work/components.plist" | grep -o '"RootRelativeBundlePath"' | wc -l)"
i=0
while [ "$i" -lt "$count" ]; do
    plutil -replace "$i.BundleIsRelocatable" -bool NO "$work/components.plist"
    plutil -replace "$i.BundleIsVersionChecked" -bool NO "$work/components.plist"
    i=$((i + 1))
done

pkgbuild --root "$payload/macos/root" --component-plist "$work/components.plist" \
    --scripts "$payload/macos/scripts" --identifier org.openmaces.nxlog --version "$number" \
    --install-location / --ownership recommended "$work/nxlog.pkg"

sed -e "s/@VERSION@/$number/g" -e "s/@ARCH@/$arch/g" "$here/distribution.xml" > "$work/distribution.xml"
product="$out/openmaces-nxlog-$version-$arch.pkg"
if [ -n "$identity" ]; then
    productbuild --distribution "$work/distribution.xml" --package-path "$work" --sign "$identity" "$product"
else
    productbuild --distribution "$work/distribution.xml" --package-path "$work" "$product"
fi
rm -rf "$work"
pkgutil --payload-files "$product" | grep -q 'opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog'
echo "built $product"
