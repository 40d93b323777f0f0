"""PySide6 6.12.0 decrements Python's ``True`` on every signal emit (found here: the 8x8 demo
aborted with "bool_dealloc: deallocating True or False" after a few thousand store events).
pyproject keeps that release out; this test fails if an installed Qt binding does it again."""
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    one = Signal(object)
    two = Signal(object, object)
source = Source()
source.one.connect(lambda value: None)
before = sys.getrefcount(True)
for _ in range(500):
    source.one.emit("x")
    source.two.emit(None, "x")
print(sys.getrefcount(True) - before)
"""


def test_signal_emit_keeps_python_refcounts():
    # in a subprocess: a binding with the bug would abort the test run itself
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert abs(int(result.stdout.strip())) < 50, f"True lost {result.stdout.strip()} references in 1000 emits"
