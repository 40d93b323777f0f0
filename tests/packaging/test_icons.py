"""packaging/icons.py renders every system's icon from the one SVG; Qt reads each back."""
import subprocess
import struct
import sys

import icons
import pytest
from PySide6.QtGui import QImage, QImageReader

from .conftest import PACKAGING

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("icons")
    done = subprocess.run([sys.executable, str(PACKAGING / "icons.py"), str(out)], capture_output=True, text=True,
                          timeout=90, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    return out


def read_all(path):
    reader = QImageReader(str(path))
    sizes = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
        reader.jumpToNextImage()
    return sizes


def test_hicolor_pngs(rendered, qapp):
    for size in icons.HICOLOR_SIZES:
        image = QImage(str(rendered / "hicolor" / f"{size}x{size}" / "apps" / "ctidesk.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank
    assert (rendered / "hicolor" / "scalable" / "apps" / "ctidesk.svg").read_bytes() == icons.SVG.read_bytes()


def test_windows_ico(rendered, qapp):
    data = (rendered / "ctidesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    assert sorted(read_all(rendered / "ctidesk.ico")) == sorted((s, s) for s in icons.ICO_SIZES)


def test_macos_icns_has_retina_sizes(rendered, qapp):
    data = (rendered / "ctidesk.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kinds.append(data[offset:offset + 4].decode())
        offset += struct.unpack(">I", data[offset + 4:offset + 8])[0]
    assert kinds == [kind for kind, _ in icons.ICNS_TYPES]
    assert (1024, 1024) in read_all(rendered / "ctidesk.icns")  # ic10: 512@2x
