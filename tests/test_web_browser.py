"""The guided form in a real browser (Debian's chromium, through Selenium), as a person uses
it: four personas fill it in, get a verdict, download the portfolio, and the CLI agrees.
Screenshots at phone and desktop width; axe-core finds no serious or critical violations.

Needs /usr/bin/chromium and /usr/bin/chromedriver (``apt-get install chromium
chromium-driver``), Selenium, and for the accessibility check axe-core from npm (in
``tests/.axe/node_modules/axe-core`` or the file named by ``PZSPEC_AXE``). Screenshots go to
``PZSPEC_SCREENSHOTS`` (a folder) or the test's tmp folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")
pytest.importorskip("selenium", reason="selenium is not installed: pip install '.[test]'")

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.web_helpers import AS_OF, ROOT, cli_verdict
from tests.web_personas import PERSONAS

CHROMIUM = os.environ.get("PZSPEC_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PZSPEC_CHROMEDRIVER", "/usr/bin/chromedriver")
AXE = Path(os.environ.get("PZSPEC_AXE", ROOT / "tests/.axe/node_modules/axe-core/axe.min.js"))
PHONE, DESKTOP = (390, 844), (1280, 900)

if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
    pytest.skip(
        f"no browser: {CHROMIUM} and {CHROMEDRIVER} are needed (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """``uvicorn pzspec.web:app`` on a free localhost port, as a registry would run it."""
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "pzspec.web:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--timeout-graceful-shutdown",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("uvicorn pzspec.web:app did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("PZSPEC_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[webdriver.Chrome]:
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


# --- what a person does -----------------------------------------------------------------
def type_in(driver: webdriver.Chrome, name: str, value: str) -> None:
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def choose(driver: webdriver.Chrome, name: str, value: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()


def answer(driver: webdriver.Chrome, name: str, value: Any) -> None:
    element = driver.find_element(By.NAME, name)
    kind = element.get_attribute("type")
    if element.tag_name == "select":
        Select(element).select_by_value(value)
    elif kind == "radio":
        choose(driver, name, value)
    elif kind == "checkbox":
        for each in value:
            driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{each}"]').click()
    else:
        type_in(driver, name, value)


def press(driver: webdriver.Chrome, label: str) -> None:
    """Click the visible button with this text and wait for what it does."""
    shown = [b for b in driver.find_elements(By.TAG_NAME, "button") if b.is_displayed()]
    found = [b for b in shown if b.text.strip() == label]
    assert found, f"no button {label!r} on {driver.title}: {[b.text for b in shown]}"
    button = found[0]
    old = driver.find_element(By.TAG_NAME, "html")
    leaves = button.get_attribute("type") == "submit" and not button.get_attribute("data-add")
    button.click()
    if leaves:
        WebDriverWait(driver, 30).until(lambda d: _stale(old))


def _stale(element: Any) -> bool:
    try:
        element.tag_name  # noqa: B018
    except Exception:
        return True
    return False


def rows(
    driver: webdriver.Chrome, section: str, prefix: str, wanted: list[dict[str, Any]], add: str
) -> None:
    for n, row in enumerate(wanted):
        if not driver.find_elements(By.NAME, f"{prefix}-{n}-row"):
            press(driver, add)
        for key, value in row.items():
            if key == "course":  # first: it decides which questions follow
                answer(driver, f"{prefix}-{n}-course", value)
        for key, value in row.items():
            if key != "course":
                answer(driver, f"{prefix}-{n}-{key}", value)


def fill_in(driver: webdriver.Chrome, url: str, persona: dict[str, Any]) -> None:
    driver.get(url + "/")
    choose(driver, "profession", persona["profession"])
    type_in(driver, "as_of", AS_OF)
    press(driver, "Volgende")
    for name, value in persona["person"].items():
        answer(driver, name, value)
    press(driver, "Volgende")
    rows(driver, "education", "edu", persona["education"], "Nog een opleiding toevoegen")
    press(driver, "Volgende")
    rows(driver, "experience", "exp", persona["experience"], "Nog een dienstverband toevoegen")
    press(driver, "Volgende")
    rows(driver, "activities", "act", persona["activities"], "Een activiteit toevoegen")
    press(driver, "Volgende")
    for name, value in persona["transition"].items():
        answer(driver, name, value)
    press(driver, "Toets mijn portfolio")


def verdict(driver: webdriver.Chrome) -> str:
    banner = driver.find_element(By.CSS_SELECTOR, "section.banner")
    classes = (banner.get_attribute("class") or "").split()
    return next(c.removeprefix("banner--") for c in classes if c.startswith("banner--"))


def shoot(driver: webdriver.Chrome, folder: Path, name: str) -> None:
    for label, (width, height) in (("phone", PHONE), ("desktop", DESKTOP)):
        driver.set_window_size(width, height)
        full = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(int(full) + 100, 6000))
        driver.save_screenshot(str(folder / f"{name}-{label}.png"))
    driver.set_window_size(*DESKTOP)


# --- the tests --------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(PERSONAS))
def test_a_person_fills_in_the_form_and_leaves_with_a_valid_file(
    browser: webdriver.Chrome, server: str, downloads: Path, shots: Path, name: str
) -> None:
    persona = PERSONAS[name]
    fill_in(browser, server, persona)
    assert verdict(browser) == persona["verdict"]
    assert browser.find_element(By.ID, "print").is_displayed()  # the script is running
    shoot(browser, shots, "result-" + persona["profession"])
    for old in downloads.glob("*"):
        old.unlink()
    browser.find_element(By.ID, "download-yaml").click()
    target = downloads / "portfolio.yaml"
    WebDriverWait(browser, 30).until(lambda _: target.exists() and target.stat().st_size > 0)
    assert cli_verdict(target) == persona["verdict"]


def test_the_steps_look_right_at_phone_and_desktop_width(
    browser: webdriver.Chrome, server: str, shots: Path
) -> None:
    browser.get(server + "/")
    shoot(browser, shots, "1-start")
    choose(browser, "profession", "mbo-verpleegkundige")
    press(browser, "Volgende")
    shoot(browser, shots, "2-person")
    press(browser, "Volgende")
    answer(browser, "edu-0-course", "leergang-pz-verpleegkundige")
    assert browser.find_element(By.NAME, "edu-0-assessment").is_displayed()  # mbo: asked
    press(browser, "Nog een opleiding toevoegen")
    answer(browser, "edu-1-course", "basisscholing-pz")
    assert not browser.find_element(By.NAME, "edu-1-days").is_displayed()  # not read: hidden
    shoot(browser, shots, "3-education")
    press(browser, "Volgende")
    shoot(browser, shots, "4-experience")
    press(browser, "Toets mijn portfolio")  # no dates: sent back with the problems
    assert browser.find_elements(By.CSS_SELECTOR, ".error")
    shoot(browser, shots, "5-problems")
    print(f"screenshots: {shots}")


def _axe(driver: webdriver.Chrome) -> list[dict[str, Any]]:
    driver.execute_script(AXE.read_text("utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));"
    )
    return [v for v in result if v.get("impact") in ("serious", "critical")]


def test_no_serious_accessibility_violations(browser: webdriver.Chrome, server: str) -> None:
    if not AXE.is_file():
        pytest.skip(f"axe-core not found at {AXE}: npm install axe-core --prefix tests/.axe")
    found: dict[str, list[str]] = {}

    def check(page: str) -> None:
        for violation in _axe(browser):
            nodes = [n["target"] for n in violation["nodes"]][:3]
            found.setdefault(page, []).append(f"{violation['id']}: {violation['help']} {nodes}")

    browser.get(server + "/")
    check("start")
    browser.get(server + "/?lang=en")
    check("start-en")
    choose(browser, "profession", "hbo-verpleegkundige")
    press(browser, "Next")
    check("person")
    press(browser, "Next")
    answer(browser, "edu-0-course", "leergang-pz-verpleegkundige")
    check("education")
    press(browser, "Check my portfolio")
    check("problems")
    fill_in(browser, server, PERSONAS["hbo-verpleegkundige met leergang"])
    check("result")
    assert not found, found
