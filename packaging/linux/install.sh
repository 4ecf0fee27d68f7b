#!/bin/sh
# Install the unpacked Linux bundle for the current user (no root): run it from inside the bundle
# folder, e.g.  tar xzf diag-app-0.2.0-linux-x86_64.tar.gz && diag-app-0.2.0-linux-x86_64/install.sh
# It links ~/.local/bin/diag-app to the bundle and adds the menu entry and icons. Remove with --uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$bin/diag-app" "$data/applications/diag-app.desktop"
  for s in 48 256; do rm -f "$data/icons/hicolor/${s}x${s}/apps/diag-app.png"; done
  rm -f "$data/icons/hicolor/scalable/apps/diag-app.svg"
  echo "removed diag-app (your workspace in $data/diag-app is kept)"
  exit 0
fi
mkdir -p "$bin" "$data/applications" "$data/icons/hicolor/scalable/apps"
ln -sf "$here/diag-app" "$bin/diag-app"
for s in 48 256; do
  mkdir -p "$data/icons/hicolor/${s}x${s}/apps"
  cp "$here/_internal/assets/icons/diag-app-$s.png" "$data/icons/hicolor/${s}x${s}/apps/diag-app.png"
done
cp "$here/_internal/assets/icons/diag-app.svg" "$data/icons/hicolor/scalable/apps/diag-app.svg"
sed "s|^Exec=.*|Exec=\"$here/diag-app\"|" "$here/diag-app.desktop" > "$data/applications/diag-app.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "installed: $bin/diag-app and the menu entry 智能工厂自诊断"
