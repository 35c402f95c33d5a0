"""Porto's own versions of the includes Jekyll posts use most.

Written for Porto from what the themes document about their parameters:
Minimal Mistakes' ``figure``, ``gallery``, ``video`` and a ``notice`` box,
Chirpy's ``embed/youtube.html`` and ``embed/vimeo.html``. Each is Liquid,
rendered with the post's ``page`` and the include's ``include.*`` parameters,
and each writes one line of block HTML, so Markdown passes it through whole.

Figures are the ``<figure><img><figcaption>`` porto_figures writes. Videos are
privacy-friendly: YouTube's no-cookie host, Vimeo with Do Not Track, frames that
load lazily with a title for screen readers, and a plain link under the frame
for readers (and feeds) without frames.
"""

from __future__ import annotations

__all__ = ["BUILT_IN"]


def _one_line(*parts: str) -> str:
    return "".join(parts)


_FIGURE = _one_line(
    "<figure{% if include.class %}",
    ' class="{{ include.class | xml_escape }}"{% endif %}>',
    '{% if include.url %}<a href="{{ include.url | relative_url }}">',
    '{% elsif include.popup %}<a href="{{ include.image_path | relative_url }}">',
    "{% endif %}",
    '<img src="{{ include.image_path | relative_url }}"',
    ' alt="{{ include.alt | xml_escape }}"',
    '{% if include.title %} title="{{ include.title | xml_escape }}"{% endif %}>',
    "{% if include.url or include.popup %}</a>{% endif %}",
    "{% if include.caption %}<figcaption>{{ include.caption | markdownify_inline }}",
    "</figcaption>{% endif %}</figure>",
)

_GALLERY = _one_line(
    "{% assign porto_key = include.id | default: 'gallery' %}",
    "{% assign porto_items = page[porto_key] %}",
    "{% if porto_items %}",
    '<figure class="gallery',
    "{% if include.layout %} gallery--{{ include.layout | slugify }}{% endif %}",
    '{% if include.class %} {{ include.class | xml_escape }}{% endif %}">',
    "{% for porto_image in porto_items %}",
    '{% if porto_image.url %}<a href="{{ porto_image.url | relative_url }}"',
    '{% if porto_image.title %} title="{{ porto_image.title | xml_escape }}"',
    "{% endif %}>{% endif %}",
    '<img src="{{ porto_image.image_path | default: porto_image.url',
    ' | relative_url }}" alt="{{ porto_image.alt | xml_escape }}">',
    "{% if porto_image.url %}</a>{% endif %}",
    "{% endfor %}",
    "{% if include.caption %}<figcaption>{{ include.caption | markdownify_inline }}",
    "</figcaption>{% endif %}</figure>",
    "{% endif %}",
)


def _video(provider: str, frame: str, link: str, name: str) -> str:
    return _one_line(
        f'<figure class="video video--{provider}">',
        f'<iframe src="{frame}"',
        ' title="{{ include.title | default: "',
        name,
        ' video" | xml_escape }}" loading="lazy"',
        ' allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen',
        ' referrerpolicy="strict-origin-when-cross-origin"></iframe>',
        f'<figcaption><a href="{link}">',
        "{% if include.title %}{{ include.title | xml_escape }}",
        f"{{% else %}}Watch the video on {name}{{% endif %}}</a></figcaption>",
        "</figure>",
    )


_ID = "{{ include.id | strip | uri_escape }}"
_YOUTUBE = _video(
    "youtube",
    f"https://www.youtube-nocookie.com/embed/{_ID}",
    f"https://www.youtube.com/watch?v={_ID}",
    "YouTube",
)
_VIMEO = _video(
    "vimeo",
    f"https://player.vimeo.com/video/{_ID}?dnt=1",
    f"https://vimeo.com/{_ID}",
    "Vimeo",
)

# Minimal Mistakes' `video`: the provider chooses the frame.
_VIDEO = _one_line(
    "{% assign porto_provider = include.provider | default: 'youtube' | downcase %}",
    "{% if porto_provider == 'youtube' %}",
    _YOUTUBE,
    "{% elsif porto_provider == 'vimeo' %}",
    _VIMEO,
    "{% else %}{% porto_unknown_video %}{% endif %}",
)

# A Minimal Mistakes notice box: type info, primary, success, warning, danger.
_NOTICE = _one_line(
    '<div class="notice{% if include.type %}--{{ include.type | slugify }}',
    '{% endif %}">',
    "{{ include.content | default: include.text | markdownify }}</div>",
)

BUILT_IN: dict[str, str] = {
    "figure": _FIGURE,
    "gallery": _GALLERY,
    "video": _VIDEO,
    "notice": _NOTICE,
    "embed/youtube.html": _YOUTUBE,
    "embed/vimeo.html": _VIMEO,
}
for _name in ("figure", "gallery", "video", "notice"):
    BUILT_IN[f"{_name}.html"] = BUILT_IN[_name]
