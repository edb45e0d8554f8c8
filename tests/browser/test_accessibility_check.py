"""The accessibility check every browser test runs: axe-core fails a page on a serious or a
critical finding, and only those rules are left out whose findings can never be either."""

import pytest

from tests.browser.conftest import PHONE, AccessiblePage

# Each rule can find something serious or critical: a check that left it out would pass the page.
PAGE = """<!doctype html><html lang="en"><head><title>Broken</title>
</head>
<body><main><h1>Broken page</h1>
<p style="color: #bbb; background: #fff">Pale text on white</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input type="text"><button></button><a href="/somewhere"></a>
</main></body></html>"""


@pytest.fixture
def blank_page(chromium):
    context = chromium.new_context(viewport=PHONE, locale="en-GB")
    yield AccessiblePage(context.new_page(), base_url="")
    context.close()


def test_serious_and_critical_findings_fail_the_page(blank_page):
    blank_page.set_content(PAGE)
    with pytest.raises(AssertionError) as failure:
        blank_page.check_accessibility()
    for rule in ("color-contrast", "image-alt", "label", "button-name", "link-name"):
        assert f"{rule} (" in str(failure.value)


def test_a_page_with_only_minor_and_moderate_findings_passes(blank_page):
    # No landmarks around the text, no level-one heading, a heading level skipped: moderate.
    blank_page.set_content(
        '<!doctype html><html lang="en"><head><title>Plain</title></head>'
        "<body><p>Some text</p><h3>A heading</h3></body></html>"
    )
    blank_page.check_accessibility()
    assert blank_page.checked == ["about:blank"]
