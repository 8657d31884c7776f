"""`show` and `report` opened in a real headless Chromium (Debian's chromium
and chromium-driver, which `make test` installs when missing): the charts
and highlights must be drawn, offline, with no error in the console."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from pipeline.views.report import write_report
from pipeline.views.show import LABELS, write_show

from .runs import mixed_run  # noqa: F401

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1300,1000"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("Chromium is missing: `make test` installs the chromium and chromium-driver packages")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def open_page(driver, path: Path) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(path.resolve().as_uri())


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def fetched_from_outside(driver) -> list[str]:
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return [u for u in urls if not u.startswith(("file:", "data:", "blob:"))]


def screenshot(driver, target: Path):
    """The whole page as a PIL image (saved to target)."""
    from PIL import Image

    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1300, min(max(height, 600), 8000))
    png = driver.get_screenshot_as_png()
    target.write_bytes(png)
    return Image.open(io.BytesIO(png)).convert("RGB")


def pixels_of(image, hex_colour: str, tolerance: int = 12) -> int:
    r, g, b = (int(hex_colour[k:k + 2], 16) for k in (1, 3, 5))
    return sum(n for n, (pr, pg, pb) in image.getcolors(image.width * image.height)
               if abs(pr - r) <= tolerance and abs(pg - g) <= tolerance and abs(pb - b) <= tolerance)


@pytest.fixture(scope="module")
def report(mixed_run, tmp_path_factory) -> Path:
    return write_report(mixed_run, tmp_path_factory.mktemp("report") / "report.html")


def test_report_draws_every_chart_offline(browser, report, tmp_path):
    from selenium.webdriver.support.ui import WebDriverWait

    n_charts = report.read_text(encoding="utf-8").count("Plotly.newPlot")
    open_page(browser, report)
    WebDriverWait(browser, 60).until(lambda d: d.execute_script(
        "return document.querySelectorAll('.js-plotly-plot .main-svg').length") >= n_charts)
    charts = browser.execute_script("""
        return [...document.querySelectorAll('.js-plotly-plot')].map(div => {
            const box = div.querySelector('.main-svg').getBoundingClientRect();
            const marks = [...div.querySelectorAll('.point')]  // a bar or a marker Plotly drew
                .filter(p => p.getBoundingClientRect().width > 0 && p.getBoundingClientRect().height > 0);
            return {id: div.id, width: box.width, height: box.height, marks: marks.length};
        });""")
    assert len(charts) == n_charts >= 6
    for chart in charts:
        assert chart["width"] > 200 and chart["height"] > 100, chart
        assert chart["marks"] > 0, chart
    assert not console_errors(browser)
    assert not fetched_from_outside(browser)
    image = screenshot(browser, tmp_path / "report.png")
    assert pixels_of(image, "#4c78a8") > 500   # the bars of the rankings
    assert pixels_of(image, "#59a14f") > 500   # the coverage bars


def test_report_links_to_show_pages(browser, report):
    from selenium.webdriver.common.by import By

    open_page(browser, report)
    link = browser.find_elements(By.CSS_SELECTOR, "#lowest a")[-1]
    doc_id = link.text
    link.click()
    assert browser.current_url.endswith(f"/show/{doc_id}.html")
    assert doc_id in browser.find_element(By.CSS_SELECTOR, "header").text
    assert not console_errors(browser)


def test_show_highlights_spans_and_draws_the_cards(browser, mixed_run, tmp_path):
    import pandas as pd

    page = write_show(mixed_run, "d000", tmp_path / "d000.html")
    open_page(browser, page)
    drawn = browser.execute_script("""
        const labels = [...document.querySelectorAll('.text span[style*="z-index: 10"]')]
            .filter(s => s.getBoundingClientRect().width > 0).map(s => s.textContent.trim());
        const bars = [...document.querySelectorAll('.text span[style*="height: 4px"]')]
            .filter(s => s.getBoundingClientRect().width > 0).length;
        return {labels, bars, cards: document.querySelectorAll('.card').length,
                lines: document.querySelectorAll('.text .spans').length};""")
    meetings = pd.read_parquet(mixed_run / "meetings.parquet").query("doc_id == 'd000'")
    assert drawn["cards"] == len(meetings)
    assert {"PERSON", "TITLE", "DATE", "VENUE", "ITEM"} <= set(drawn["labels"])
    assert drawn["bars"] > len(drawn["labels"])
    text = browser.execute_script("return document.querySelector('.text').innerText")
    for venue in meetings.venue.dropna():
        assert "".join(venue.split()) in "".join(text.split()).replace("VENUE", "")
    assert not console_errors(browser)
    assert not fetched_from_outside(browser)
    image = screenshot(browser, tmp_path / "show.png")
    for label in ("PERSON", "DATE", "VENUE"):
        assert pixels_of(image, LABELS[label]) > 100, label
