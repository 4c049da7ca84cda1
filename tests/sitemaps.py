"""Reading the sitemap as a crawler does: the index at /sitemap.xml, then every page it names."""

import xml.etree.ElementTree as ET

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SERVER = "http://testserver"


def parse(response):
    """The root element of a sitemap response of ours (trusted: no defusedxml needed)."""
    assert response.status_code == 200, response.status_code
    return ET.fromstring(response.content)  # noqa: S314


def index_locations(client):
    """The <loc> of every sitemap the index at /sitemap.xml names, in order."""
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [sitemap.findtext(f"{SITEMAP}loc") for sitemap in root.iter(f"{SITEMAP}sitemap")]


def url_elements(client, location):
    """The <url> elements of one sitemap page (an absolute location on the test server)."""
    return list(parse(client.get(location.removeprefix(SERVER))).iter(f"{SITEMAP}url"))


def all_url_elements(client):
    """Every <url> of every sitemap page the index names, in order."""
    return [url for location in index_locations(client) for url in url_elements(client, location)]


def location(url):
    """The <loc> of a <url> element."""
    return url.findtext(f"{SITEMAP}loc")


def alternates(url):
    """{hreflang: href} of a <url> element's alternate links."""
    return {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}


def entries(client):
    """{location: {hreflang: href}} of every <url> of the whole sitemap."""
    return {location(url): alternates(url) for url in all_url_elements(client)}


def xml_text(client):
    """The text of every sitemap page the index names, joined."""
    return "\n".join(
        client.get(loc.removeprefix(SERVER)).content.decode() for loc in index_locations(client)
    )
