"""Headless Chromium through its WebDriver, signed in to the pages of a running `credence serve`."""
import os
import shutil
import sqlite3

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

BASE = os.environ["CREDENCE_URL"]
KEY = os.environ["CREDENCE_KEY"]
SCREENSHOTS = os.environ["SCREENSHOTS"]


@pytest.fixture(scope="session")
def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--force-color-profile=srgb"):
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.implicitly_wait(0)
    driver.get(BASE + "/login")
    driver.find_element(By.ID, "key").send_keys(KEY)
    driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]").click()
    yield driver
    driver.quit()


@pytest.fixture
def page(browser):
    """The browser, its console emptied before the test and checked after it."""
    browser.get_log("browser")
    yield browser
    problems = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert problems == [], f"console messages: {problems}"


@pytest.fixture(scope="session")
def learners():
    """Learner ids of the sample store, in id order."""
    with sqlite3.connect(os.environ["CREDENCE_STORE"]) as db:
        return [row[0] for row in db.execute("SELECT id FROM learners ORDER BY id")]


def screenshot(driver, name, whole=True):
    """Saves the page as SCREENSHOTS/name.png: the whole page (the window grown to its height),
    or what the window shows."""
    if not whole:
        driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))
        return
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 800), 6000))
    driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))
    driver.set_window_size(1280, 1000)
