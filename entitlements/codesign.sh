#!/bin/sh
# codesign.sh: signs the agent's bundle for Developer ID distribution, inside out, with the hardened
# runtime and a secure timestamp (both required by notarization). macOS only.
#
#   entitlements/codesign.sh --identity "Developer ID Application: Example (ABCDE12345)" \
#       --profile ES.provisionprofile [--bundle-id org.example.nxlog] BUNDLE.app
#   entitlements/codesign.sh --identity "..." --no-endpoint-security BUNDLE.app
#
# BUNDLE.app is the nxlog.app of the pkg payload: packaging/target/payload/macos/root/opt/nxlog/lib/nxlog.app.
#
# --profile      the Developer ID provisioning profile that authorises com.apple.developer.endpoint-security.client
#                for your App ID; it becomes Contents/embedded.provisionprofile. A restricted entitlement
#                without it makes macOS kill the launcher at exec.
# --bundle-id    your App ID's bundle identifier (the profile is tied to it); written into Info.plist.
# --no-endpoint-security
#                for a team without the ES entitlement: signs with nxlog-eslogger.entitlements (the JVM's
#                hardened-runtime exceptions only); im_maces then uses the eslogger source.
# --identity -   ad-hoc signature, to try the hardened runtime on your own Mac (CI does): no timestamp, and
#                library validation off, since ad-hoc code has no Team ID for it to compare. Not for others.
#
# Order: every nested Mach-O first (the runtime's libraries and tools, libnxes, JNA's dispatch library),
# then the bundle, which signs the launcher with the entitlements and seals everything else.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
identity="" profile="" bundle_id="" endpoint_security=yes
while [ $# -gt 1 ]; do
    case "$1" in
        --identity) identity="$2"; shift 2 ;;
        --profile) profile="$2"; shift 2 ;;
        --bundle-id) bundle_id="$2"; shift 2 ;;
        --no-endpoint-security) endpoint_security=no; shift ;;
        *) echo "codesign.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
bundle="${1:-}"
[ -n "$identity" ] && [ -d "$bundle/Contents/MacOS" ] || { sed -n '2,12p' "$0" >&2; exit 2; }
if [ "$endpoint_security" = yes ] && [ -z "$profile" ]; then
    echo "codesign.sh: the ES entitlement needs --profile (or sign with --no-endpoint-security)" >&2
    exit 2
fi

timestamp=--timestamp
[ "$identity" = - ] && timestamp=--timestamp=none
sign() { # sign [codesign options...] PATH
    codesign --force "$timestamp" --options runtime --sign "$identity" "$@"
}
is_macho() { file -b "$1" | grep -q 'Mach-O'; }

if [ -n "$bundle_id" ]; then
    plutil -replace CFBundleIdentifier -string "$bundle_id" "$bundle/Contents/Info.plist"
fi
bundle_id="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleIdentifier' "$bundle/Contents/Info.plist")"

# The entitlements: the chosen file, plus the application and team identifiers that tie the launcher to
# the provisioning profile (Xcode adds these; a hand-signed restricted entitlement needs them too).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
entitlements="$scratch/entitlements.plist"
if [ "$endpoint_security" = yes ]; then
    cp "$here/nxlog.entitlements" "$entitlements"
    security cms -D -i "$profile" > "$scratch/profile.plist"
    team="$(/usr/libexec/PlistBuddy -c 'Print :TeamIdentifier:0' "$scratch/profile.plist")"
    plutil -insert com.apple.application-identifier -string "$team.$bundle_id" "$entitlements"
    plutil -insert com.apple.developer.team-identifier -string "$team" "$entitlements"
    cp "$profile" "$bundle/Contents/embedded.provisionprofile"
else
    cp "$here/nxlog-eslogger.entitlements" "$entitlements"
    rm -f "$bundle/Contents/embedded.provisionprofile"
fi
tools="$scratch/tools.plist"
cp "$here/nxlog-eslogger.entitlements" "$tools"
if [ "$identity" = - ]; then
    plutil -insert com.apple.security.cs.disable-library-validation -bool YES "$entitlements"
    plutil -insert com.apple.security.cs.disable-library-validation -bool YES "$tools"
fi

# 1. nested code. The runtime's executables (java, keytool, jspawnhelper, which the JDK uses to start
#    eslogger) get the JVM exceptions only, so they still run under the hardened runtime.
find "$bundle/Contents/runtime" "$bundle/Contents/lib" -type f | while read -r file; do
    if is_macho "$file"; then
        if [ -x "$file" ] && [ "${file%.dylib}" = "$file" ] && [ "${file%.jnilib}" = "$file" ]; then
            sign --entitlements "$tools" "$file"
        else
            sign "$file"
        fi
    fi
done
# 2. the bundle: the launcher with the entitlements, the resources sealed
sign --entitlements "$entitlements" "$bundle"

codesign --verify --strict --deep --verbose=2 "$bundle"
codesign -d --entitlements - "$bundle"
echo "signed $bundle as $bundle_id"
