#!/bin/sh
# notarize.sh: has Apple notarize a signed pkg, waits for the verdict, and staples the ticket to the pkg so
# that it installs without a network check. macOS only.
#
#   xcrun notarytool store-credentials nxlog-notary --apple-id you@example.com --team-id ABCDE12345
#   entitlements/notarize.sh --keychain-profile nxlog-notary packaging/target/pkg/openmaces-nxlog-V-arm64.pkg
#
# The pkg must be signed with a "Developer ID Installer" identity (build-pkg.sh --sign) and everything in
# it with "Developer ID Application", the hardened runtime and a timestamp (codesign.sh). When Apple
# refuses, the log it prints names each file and the reason.
set -eu
profile=""
while [ $# -gt 1 ]; do
    case "$1" in
        --keychain-profile) profile="$2"; shift 2 ;;
        *) echo "notarize.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
pkg="${1:-}"
[ -n "$profile" ] && [ -f "$pkg" ] || { sed -n '2,11p' "$0" >&2; exit 2; }

pkgutil --check-signature "$pkg"
output="$(xcrun notarytool submit "$pkg" --keychain-profile "$profile" --wait 2>&1)" || true
echo "$output"
id="$(echo "$output" | sed -n 's/^ *id: //p' | head -n 1)"
if ! echo "$output" | grep -q 'status: Accepted'; then
    [ -n "$id" ] && xcrun notarytool log "$id" --keychain-profile "$profile"
    echo "notarize.sh: $pkg was not accepted" >&2
    exit 1
fi
xcrun stapler staple "$pkg"
xcrun stapler validate "$pkg"
spctl --assess --type install --verbose=2 "$pkg"
