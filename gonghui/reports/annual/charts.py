"""The report's charts as PNG images, drawn with matplotlib (Agg, no display needed).

Chinese needs a CJK font: the Noto CJK fonts when installed (Debian's fonts-noto-cjk), else any
CJK font matplotlib finds. Without one a chart would show empty boxes for its names, so the
report goes without charts (`font()` is None) and keeps its tables: falling back, not failing."""

import io
from functools import lru_cache

FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
)
WIDTH, HEIGHT, DPI = 6.4, 3.2, 150
MAX_BARS = 25


@lru_cache(maxsize=1)
def font() -> str | None:
    """The first CJK font family matplotlib can use, or None."""
    try:
        from matplotlib import font_manager
    except ImportError:  # matplotlib not installed: no charts
        return None
    for family in FAMILIES:
        try:
            font_manager.findfont(family, fallback_to_default=False)
        except ValueError:
            continue
        return family
    return None


def bar_chart(title: str, names: list[str], values: list[float], percent: bool = False):
    """A PNG (bytes) of one bar per name, or None without a CJK font or anything to draw."""
    family = font()
    if family is None or not names or not any(values):
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    names, values = names[:MAX_BARS], values[:MAX_BARS]
    if percent:
        values = [v * 100 for v in values]
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    axes = figure.subplots()
    axes.bar(range(len(values)), values, color="#206bc4")
    axes.set_xticks(range(len(names)), names, rotation=30, ha="right", family=family, fontsize=7)
    axes.set_title(title, family=family, fontsize=10)
    if percent:
        axes.set_ylabel("%", fontsize=8)
    axes.tick_params(axis="y", labelsize=7)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    out = io.BytesIO()
    # No timestamps in the file: the same snapshot gives the same image.
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
