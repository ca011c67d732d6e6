"""The desktop integration files: the window icon loads in Qt, the .desktop entry starts the installed
GUI command and names the icon the README installs."""

import configparser
import re
import tomllib

from engine.resources import icon_path, resources_dir
from gui.app import application
from tests.conftest import ROOT


def test_app_has_the_svg_icon(qapp):
    app = application()
    assert icon_path().is_file()
    assert not app.windowIcon().isNull()
    pixmap = app.windowIcon().pixmap(64, 64)
    assert pixmap.width() == 64 and pixmap.toImage().pixelColor(32, 4).alpha() > 0  # drawn, not transparent


def test_desktop_file_starts_the_installed_gui_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(resources_dir() / "backprop-playground.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    gui_scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert desktop["Type"] == "Application" and desktop["Exec"].split()[0] in gui_scripts
    readme = (ROOT / "README.md").read_text()
    installed_icon = re.search(r"icons/hicolor/scalable/apps/([\w-]+)\.svg", readme).group(1)
    assert desktop["Icon"] == installed_icon
    assert "resources/backprop-playground.desktop ~/.local/share/applications/" in readme
