"""Each page loads without console messages, the explanation opens on click, the what-if
form answers, the dashboard draws its charts and tables."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE, screenshot


def learner_with_paths(driver, learners):
    """The first learner whose page plans a path (a stack not yet achieved)."""
    for learner in learners[:40]:
        driver.get(f"{BASE}/learner?id={learner}&as_of=2026-06-30")
        if not driver.find_elements(By.CSS_SELECTOR, "ol.paths"):
            # Stacks not started are planned one at a time, behind a link.
            links = driver.find_elements(By.CSS_SELECTOR, "a.plan-link")
            if links:
                links[0].click()
        if driver.find_elements(By.CSS_SELECTOR, "ol.paths"):
            return learner
    raise AssertionError("no learner of the sample has a path to plan")


def test_search_suggests_ids_while_typing(page, learners):
    page.get(BASE + "/learner")
    assert page.find_element(By.TAG_NAME, "h1").text == "Find a learner"
    box = page.find_element(By.ID, "learner-id")
    box.send_keys(learners[0][:3])
    WebDriverWait(page, 10).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#learner-ids option")) > 0)
    options = [o.get_attribute("value") for o in page.find_elements(By.CSS_SELECTOR, "#learner-ids option")]
    assert learners[0] in options
    box.send_keys(learners[0][3:], Keys.ENTER)
    WebDriverWait(page, 10).until(EC.presence_of_element_located((By.ID, "decisions-heading")))
    assert learners[0] in page.find_element(By.TAG_NAME, "h1").text


def test_the_explanation_opens_on_click(page, learners):
    learner = learner_with_paths(page, learners)
    folded = page.find_elements(By.CSS_SELECTOR, ".explanation details")
    assert folded, "an explanation with lines under lines"
    assert all(d.get_attribute("open") is None for d in folded)
    first = folded[0]
    inner = first.find_element(By.CSS_SELECTOR, "ul.tree")
    assert not inner.is_displayed()
    first.find_element(By.TAG_NAME, "summary").click()
    assert first.get_attribute("open") is not None
    assert inner.is_displayed()
    # The policy reference is one click away from every decision.
    for kind in ["article.decision", "article.plan"]:
        articles = page.find_elements(By.CSS_SELECTOR, kind)
        links = page.find_elements(By.CSS_SELECTOR, kind + " a[href^='/reference#decision-']")
        assert len(links) == len(articles), kind
    screenshot(page, "learner")
    assert learner


def test_the_what_if_form_returns_its_changes(page, learners):
    learner_with_paths(page, learners)
    # The first credential of the first path: adding it changes the stack it was planned for.
    code = page.find_element(By.CSS_SELECTOR, "ol.paths li ul li code").text
    page.find_element(By.ID, "what-if-code-1").send_keys(code)
    page.find_element(By.CSS_SELECTOR, ".what-if button[type=submit]").click()
    WebDriverWait(page, 20).until(EC.presence_of_element_located((By.ID, "what-if-result")))
    heading = page.find_element(By.ID, "what-if-result-heading").text
    assert heading.startswith(f"What changes with {code}")
    rows = page.find_elements(By.CSS_SELECTOR, "table.changes tbody tr")
    assert len(rows) >= 1
    assert page.switch_to.active_element.get_attribute("id") == "what-if-result"
    screenshot(page, "what-if-window", whole=False)
    screenshot(page, "what-if")


def test_the_what_if_form_takes_several_awards(page, learners):
    learner_with_paths(page, learners)
    codes = []
    for code in page.find_elements(By.CSS_SELECTOR, "ol.paths li ul li code"):
        if code.text not in codes:
            codes.append(code.text)
    assert len(codes) >= 2, "two credentials planned for this learner"
    # The script adds rows beyond the three the page has without it.
    rows = page.find_elements(By.CSS_SELECTOR, "fieldset.award-row")
    assert len(rows) == 3
    page.find_element(By.CSS_SELECTOR, "button[data-add-row]").click()
    assert len(page.find_elements(By.CSS_SELECTOR, "fieldset.award-row")) == 4
    assert page.switch_to.active_element.get_attribute("id") == "what-if-code-4"
    page.find_element(By.ID, "what-if-code-1").send_keys(codes[0])
    page.find_element(By.ID, "what-if-code-4").send_keys(codes[1])
    page.find_element(By.ID, "what-if-grade-4").send_keys("not a grade")
    page.execute_script("arguments[0].scrollIntoView()", page.find_element(By.ID, "what-if-heading"))
    screenshot(page, "what-if-form-window", whole=False)
    page.find_element(By.CSS_SELECTOR, ".what-if button[type=submit]").click()
    WebDriverWait(page, 20).until(EC.presence_of_element_located((By.ID, "what-if-result")))
    # The grade is named beside its field, and the summary links to it.
    assert page.find_element(By.ID, "what-if-grade-4").get_attribute("aria-invalid") == "true"
    assert "not a grade of the scale" in page.find_element(By.ID, "what-if-grade-4-problem").text
    page.find_element(By.CSS_SELECTOR, "a[href='#what-if-grade-4']").click()
    field = page.find_element(By.ID, "what-if-grade-4")
    field.clear()
    field.send_keys("A")
    page.find_element(By.ID, "what-if-grade-1").send_keys("A")
    page.find_element(By.CSS_SELECTOR, ".what-if button[type=submit]").click()
    WebDriverWait(page, 20).until(EC.presence_of_element_located((By.ID, "what-if-result-heading")))
    heading = page.find_element(By.ID, "what-if-result-heading").text
    assert heading.startswith(f"What changes with {codes[0]} awarded on"), heading
    assert f" and {codes[1]} awarded on" in heading and heading.endswith("with grade A")
    screenshot(page, "what-if-several-window", whole=False)


def test_the_dashboard_draws_its_charts_and_tables(page):
    page.get(BASE + "/cohort")
    select = page.find_element(By.ID, "decision")
    stacks = [o for o in select.find_elements(By.TAG_NAME, "option") if o.text.endswith("(stack)")]
    stacks[0].click()
    page.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    deadline = time.time() + 90
    while not page.find_elements(By.ID, "chart-status") and time.time() < deadline:
        time.sleep(1)
        if not page.find_elements(By.ID, "chart-status"):
            page.refresh()
    charts = page.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) >= 2
    for chart in charts:
        chart_id = chart.get_attribute("id")
        table = page.find_element(By.ID, chart_id + "-table")
        assert table.find_elements(By.CSS_SELECTOR, "tbody tr")
        assert chart.find_elements(By.TAG_NAME, "rect")
        assert chart.size["width"] > 200
    screenshot(page, "cohort-window", whole=False)
    screenshot(page, "cohort")


def test_a_fund_dashboard_draws_its_amounts(page):
    page.get(BASE + "/cohort")
    select = page.find_element(By.ID, "decision")
    funds = [o for o in select.find_elements(By.TAG_NAME, "option") if o.text.endswith("(fund)")]
    # A date when the sample's funds grant something.
    page.get(f"{BASE}/cohort?decision={funds[0].get_attribute('value')}&as_of=2026-06-30")
    deadline = time.time() + 90
    while not page.find_elements(By.ID, "chart-amounts-heading") and time.time() < deadline:
        time.sleep(1)
        page.refresh()
    table = page.find_element(By.ID, "chart-amounts-table")
    labels = [row.text for row in table.find_elements(By.CSS_SELECTOR, "tbody th")]
    assert len(labels) <= 12 + 1 + 5  # the ranges, zero, the outcomes granted nothing
    # Amounts first, low to high, then the outcomes granted nothing.
    assert any(label[0].isdigit() or label.startswith("over 0") for label in labels), labels
    screenshot(page, "cohort-fund-window", whole=False)


def test_the_reference_opens_at_a_decision(page):
    page.get(BASE + "/reference")
    anchors = page.find_elements(By.CSS_SELECTOR, "h4[id^='decision-']")
    assert anchors
    target = anchors[-1].get_attribute("id")
    page.get(f"{BASE}/reference#{target}")
    assert page.find_element(By.ID, target).is_displayed()
    screenshot(page, "reference")


def test_the_pages_are_usable_by_keyboard(page, learners):
    page.get(BASE + "/learner")
    page.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert page.switch_to.active_element.text == "Skip to content"
    for field in page.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select"):
        label = page.find_elements(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']")
        assert label, f"a label for #{field.get_attribute('id')}"
