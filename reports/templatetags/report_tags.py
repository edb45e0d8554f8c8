import base64

from django import template

register = template.Library()


@register.filter
def svg_data_uri(svg: str) -> str:
    """An SVG drawing as a data: URI, so a PDF can show it as an image with alternative text."""
    data = str(svg)
    if "xmlns=" not in data[:300]:
        data = data.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return "data:image/svg+xml;base64," + base64.b64encode(data.encode()).decode()
