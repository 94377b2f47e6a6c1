#!/bin/sh
# fda-profile.sh: writes the Full Disk Access profile (PPPC, com.apple.TCC.configuration-profile-policy) for
# your signed agent to standard output, ready for your MDM.
#
#   entitlements/fda-profile.sh --team-id ABCDE12345 [--bundle-id org.example.nxlog] > nxlog-fda.mobileconfig
#   entitlements/fda-profile.sh --from /opt/nxlog/lib/nxlog.app > nxlog-fda.mobileconfig      (on a Mac)
#
# The template, nxlog-full-disk-access.mobileconfig beside this script, grants SystemPolicyAllFiles to the
# bundle (by bundle identifier) and to its launcher (by path), each pinned by a code requirement, so only
# code signed by your team with that identifier gets the grant; and to /usr/bin/eslogger (Apple's). --from
# takes the designated requirement from a signed bundle instead of building it from the Team ID.
# Every run gets fresh payload UUIDs; keep the generated file to update the profile later.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
team="" bundle_id="org.openmaces.nxlog" from=""
while [ $# -gt 0 ]; do
    case "$1" in
        --team-id) team="$2"; shift 2 ;;
        --bundle-id) bundle_id="$2"; shift 2 ;;
        --from) from="$2"; shift 2 ;;
        *) echo "fda-profile.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
requirement=""
if [ -n "$from" ]; then
    requirement="$(codesign -d -r- "$from" 2>/dev/null | sed -n 's/^designated => //p')"
    [ -n "$requirement" ] || { echo "fda-profile.sh: no designated requirement in $from: is it signed?" >&2; exit 1; }
    bundle_id="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleIdentifier' "$from/Contents/Info.plist")"
elif [ -z "$team" ]; then
    echo "usage: fda-profile.sh --team-id TEAMID [--bundle-id ID] | --from BUNDLE.app" >&2
    exit 2
fi
case "$team" in *[!A-Z0-9]*) echo "fda-profile.sh: a Team ID is 10 capitals and digits, not '$team'" >&2; exit 2 ;; esac

new_uuid() {
    if command -v uuidgen >/dev/null 2>&1; then uuidgen | tr a-z A-Z
    else tr a-z A-Z < /proc/sys/kernel/random/uuid
    fi
}
# a value for the right-hand side of sed's s///, XML-escaped
escape() { printf '%s' "$1" | sed -e 's/[&/\]/\\&/g' -e 's/</\\\&lt;/g'; }

ours='identifier "org.openmaces.nxlog" and anchor apple generic and certificate 1\[field.1.2.840.113635.100.6.2.6\] \/\* exists \*\/ and certificate leaf\[field.1.2.840.113635.100.6.1.13\] \/\* exists \*\/ and certificate leaf\[subject.OU\] = "TEAMID"'
if [ -n "$requirement" ]; then
    replace_requirement="s/$ours/$(escape "$requirement")/"
else
    replace_requirement="s/\"TEAMID\"/\"$team\"/"
fi
sed -e "$replace_requirement" \
    -e "s/<string>org\.openmaces\.nxlog<\/string>/<string>$(escape "$bundle_id")<\/string>/" \
    -e "s/identifier \"org\.openmaces\.nxlog\"/identifier \"$(escape "$bundle_id")\"/" \
    -e "s/5B0E0C4A-7F3D-4C71-9E55-2E1D3B8A0F01/$(new_uuid)/" \
    -e "s/5B0E0C4A-7F3D-4C71-9E55-2E1D3B8A0F02/$(new_uuid)/" \
    "$here/nxlog-full-disk-access.mobileconfig"
