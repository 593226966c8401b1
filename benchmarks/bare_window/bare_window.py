"""The baseline for start-up measurements: an empty PySide6 QMainWindow."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Bare PySide6 window")
window.resize(1200, 760)
window.show()
sys.exit(app.exec())
