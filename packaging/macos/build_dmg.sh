#!/usr/bin/env bash
# Build "CTI Desk.app" and a DMG on macOS 12 or newer, optionally signed and notarized:
#
#   packaging/macos/build_dmg.sh                                  unsigned (for testing)
#   CODESIGN_IDENTITY="Developer ID Application: Acme Ltd (TEAMID1234)" \
#   NOTARY_PROFILE=ctidesk-notary packaging/macos/build_dmg.sh    signed, notarized, stapled
#
# Needs Python 3.11+ (python.org universal2 or Homebrew; PYTHON=... to choose) and the Xcode
# command-line tools (codesign, hdiutil, xcrun notarytool/stapler). NOTARY_PROFILE is a keychain
# profile made once with `xcrun notarytool store-credentials` (packaging/README.md, macOS).
# Writes dist/CTI Desk.app and dist/CTI-Desk-<version>.dmg.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
VENV="$ROOT/.venv-mac"
IDENTITY=${CODESIGN_IDENTITY:-}
NOTARY_PROFILE=${NOTARY_PROFILE:-}
ENTITLEMENTS="$ROOT/packaging/macos/entitlements.plist"

say() { printf '[build-macos] %s\n' "$*" >&2; }

[ "$(uname -s)" = Darwin ] || { say "run this on macOS"; exit 2; }
if [ -n "$NOTARY_PROFILE" ] && [ -z "$IDENTITY" ]; then
  say "notarization needs a signed app: set CODESIGN_IDENTITY too"; exit 2
fi

# 1. a build venv with the app and PyInstaller (pyproject's "packaging" extra)
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e ".[packaging]"
VERSION=$("$VENV/bin/python" -c 'import sys; sys.path.insert(0, "packaging"); import buildinfo; print(buildinfo.version())')
say "CTI Desk $VERSION"

# 2. the .app (packaging/ctidesk.spec renders the .icns, fills Info.plist from pyproject.toml)
"$VENV/bin/python" -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/ctidesk.spec
APP="$ROOT/dist/CTI Desk.app"
EXE="$APP/Contents/MacOS/ctidesk"

# 3. smoke test: the version, then the self-test offscreen
answer=$("$EXE" --version)
[ "$answer" = "ctidesk $VERSION" ] || { say "the app answers '$answer' to --version"; exit 1; }
QT_QPA_PLATFORM=offscreen "$EXE" --self-test

# 4. sign inside out: every library and framework, then the app with the hardened runtime
sign() { codesign --force --timestamp --options runtime --sign "$IDENTITY" "$@"; }
if [ -n "$IDENTITY" ]; then
  say "signing with $IDENTITY"
  find "$APP/Contents" -type f \( -name '*.dylib' -o -name '*.so' \) -print0 | while IFS= read -r -d '' lib; do sign "$lib"; done
  find "$APP/Contents" -type d -name '*.framework' -prune -print0 | while IFS= read -r -d '' fw; do sign "$fw"; done
  sign --entitlements "$ENTITLEMENTS" "$EXE"
  sign --entitlements "$ENTITLEMENTS" "$APP"
  codesign --verify --strict --deep --verbose=2 "$APP"
fi

# 5. notarize the app and staple its ticket (so it opens offline once copied out of the DMG)
notarize() {
  xcrun notarytool submit "$1" --keychain-profile "$NOTARY_PROFILE" --wait
}
if [ -n "$NOTARY_PROFILE" ]; then
  say "notarizing the app"
  ditto -c -k --keepParent "$APP" "$ROOT/dist/ctidesk-notarize.zip"
  notarize "$ROOT/dist/ctidesk-notarize.zip"
  rm -f "$ROOT/dist/ctidesk-notarize.zip"
  xcrun stapler staple "$APP"
fi

# 6. the DMG: the app and a link to /Applications to drag it onto
DMG="$ROOT/dist/CTI-Desk-$VERSION.dmg"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
ditto "$APP" "$STAGE/CTI Desk.app"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "CTI Desk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
if [ -n "$IDENTITY" ]; then
  codesign --force --timestamp --sign "$IDENTITY" "$DMG"
fi
if [ -n "$NOTARY_PROFILE" ]; then
  say "notarizing the DMG"
  notarize "$DMG"
  xcrun stapler staple "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
fi
say "done: $DMG ($(du -h "$DMG" | cut -f1))"
