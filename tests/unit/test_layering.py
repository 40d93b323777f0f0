"""DESIGN.md layering: core, transports, vendors and sim never load Qt."""
import subprocess
import sys

import pytest

LAYERS = ["desktop.core", "desktop.core.store", "desktop.core.commands", "desktop.core.session",
          "desktop.core.profiles", "desktop.core.secrets", "desktop.core.tail", "desktop.transports",
          "desktop.vendors", "desktop.vendors.registry", "desktop.sim", "desktop.sim.runner",
          "desktop.headless", "desktop.cli", "desktop.demo"]


@pytest.mark.parametrize("module", LAYERS)
def test_module_loads_no_qt(module):
    code = ("import importlib, sys; importlib.import_module(%r); "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qasync', 'shiboken6')); "
            "print(','.join(bad)); sys.exit(1 if bad else 0)") % module
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{module} loaded Qt: {result.stdout} {result.stderr}"


def test_every_vendor_and_sim_module_is_qt_free():
    """Imports every module under the Qt-free layers that exists in this build."""
    code = """
import importlib, pkgutil, sys
import desktop.core, desktop.transports, desktop.vendors, desktop.sim
for pkg in (desktop.core, desktop.transports, desktop.vendors, desktop.sim):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        if info.name.endswith('__main__'):
            continue
        importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qasync', 'shiboken6'))
print(','.join(bad)); sys.exit(1 if bad else 0)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
